package org.parley.feature.version;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class VersionModuleTest {

    private static Manifest manifest(String text) throws Exception {
        return new Manifest(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void versionFromAParleyManifest() throws Exception {
        assertEquals("1.2.3", ServerVersion.fromManifest(manifest(
                "Manifest-Version: 1.0\nImplementation-Title: Parley\nImplementation-Version: 1.2.3\n")));
        assertNull(ServerVersion.fromManifest(manifest(
                "Manifest-Version: 1.0\nImplementation-Title: netty\nImplementation-Version: 4.2\n")));
        assertNull(ServerVersion.fromManifest(manifest("Manifest-Version: 1.0\nImplementation-Title: Parley\n")));
    }

    @Test
    void defaultVersionWithoutManifest() {
        assertFalse(ServerVersion.find(VersionModuleTest.class.getClassLoader()).isBlank());
        assertEquals("0.1.0", ServerVersion.DEFAULT);
    }

    @Test
    void replyHasNameVersionAndOs() {
        IQ get = new IQ(IQ.Type.get);
        get.setFrom("juliet@capulet.com/balcony");
        get.setTo("capulet.com");
        get.setChildElement("query", VersionModule.NS);
        IQ result = VersionModule.reply(get, "0.1.0", "Java 17 on Linux");
        Element q = result.getChildElement();
        assertEquals(IQ.Type.result, result.getType());
        assertEquals("capulet.com", result.getFrom().toString());
        assertEquals(VersionModule.NS, q.getNamespaceURI());
        assertEquals("Parley", q.elementText("name"));
        assertEquals("0.1.0", q.elementText("version"));
        assertEquals("Java 17 on Linux", q.elementText("os"));
        assertEquals(VersionModule.NS, q.element("name").getNamespaceURI());
    }

    @Test
    void setIsBadRequest() {
        IQ set = new IQ(IQ.Type.set);
        set.setChildElement("query", VersionModule.NS);
        assertEquals(PacketError.Condition.bad_request, VersionModule.reply(set, "1", null).getError().getCondition());
    }
}
