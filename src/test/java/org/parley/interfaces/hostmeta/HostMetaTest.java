package org.parley.interfaces.hostmeta;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostMetaTest {

    @Test
    void fromTheRequest() {
        HostMeta m = HostMeta.forRequest(false, "127.0.0.1:18080", "fallback:1");
        assertEquals("ws://127.0.0.1:18080/xmpp-websocket", m.websocketUrl());
        assertEquals("http://127.0.0.1:18080/http-bind", m.boshUrl());
        HostMeta s = HostMeta.forRequest(true, "chat.example.org", "fallback:1");
        assertEquals("wss://chat.example.org/xmpp-websocket", s.websocketUrl());
        assertEquals("https://chat.example.org/http-bind", s.boshUrl());
        assertEquals("ws://[::1]:8080/xmpp-websocket", HostMeta.forRequest(false, "[::1]:8080", "x:1").websocketUrl());
    }

    @Test
    void oddHostHeadersAreNotEchoed() {
        for (String bad : new String[] {null, "", "evil\"/><x", "a b", "host/path", "u@host"}) {
            assertEquals("ws://127.0.0.1:8080/xmpp-websocket",
                    HostMeta.forRequest(false, bad, "127.0.0.1:8080").websocketUrl(), String.valueOf(bad));
        }
    }

    @Test
    void fromThePublicUrl() {
        HostMeta m = HostMeta.forBase("https://example.org/xmpp/");
        assertEquals("wss://example.org/xmpp/xmpp-websocket", m.websocketUrl());
        assertEquals("https://example.org/xmpp/http-bind", m.boshUrl());
    }

    @Test
    void xrdListsBothLinks() throws Exception {
        Element xrd = DocumentHelper.parseText(HostMeta.forBase("https://example.org").xrd()).getRootElement();
        assertEquals("http://docs.oasis-open.org/ns/xri/xrd-1.0", xrd.getNamespaceURI());
        List<Element> links = xrd.elements("Link");
        assertEquals(2, links.size());
        assertEquals("urn:xmpp:alt-connections:xbosh", links.get(0).attributeValue("rel"));
        assertEquals("https://example.org/http-bind", links.get(0).attributeValue("href"));
        assertEquals("urn:xmpp:alt-connections:websocket", links.get(1).attributeValue("rel"));
        assertEquals("wss://example.org/xmpp-websocket", links.get(1).attributeValue("href"));
    }

    @Test
    void jrdListsBothLinks() {
        String json = HostMeta.forBase("http://localhost:8080").jrd();
        assertEquals("{\"links\":[{\"rel\":\"urn:xmpp:alt-connections:xbosh\",\"href\":\"http://localhost:8080/http-bind\"},"
                + "{\"rel\":\"urn:xmpp:alt-connections:websocket\",\"href\":\"ws://localhost:8080/xmpp-websocket\"}]}", json);
        assertTrue(json.startsWith("{"));
    }
}
