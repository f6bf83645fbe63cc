package org.parley.feature.disco;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** XEP-0115 §5 with the XEP's own example vectors (§5.2 simple, §5.3 complex). */
class EntityCapsTest {

    private static Element parse(String xml) throws Exception {
        return DocumentHelper.parseText(xml).getRootElement();
    }

    @Test
    void simpleGenerationExample() throws Exception {
        Element info = parse("<query xmlns='http://jabber.org/protocol/disco#info'>"
                + "<identity category='client' name='Exodus 0.9.1' type='pc'/>"
                + "<feature var='http://jabber.org/protocol/caps'/>"
                + "<feature var='http://jabber.org/protocol/disco#info'/>"
                + "<feature var='http://jabber.org/protocol/disco#items'/>"
                + "<feature var='http://jabber.org/protocol/muc'/></query>");
        assertEquals("client/pc//Exodus 0.9.1<http://jabber.org/protocol/caps<http://jabber.org/protocol/disco#info<"
                + "http://jabber.org/protocol/disco#items<http://jabber.org/protocol/muc<",
                EntityCaps.verificationString(info));
        assertEquals("QgayPKawpkPSDYmwT/WM94uAlu0=", EntityCaps.ver(info));
    }

    /** Shuffled on purpose: the algorithm sorts identities, features, forms, fields and values itself. */
    @Test
    void complexGenerationExample() throws Exception {
        Element info = parse("<query xmlns='http://jabber.org/protocol/disco#info'"
                + " node='http://psi-im.org#q07IKJEyjvHSyhy//CH0CxmKi8w='>"
                + "<identity xml:lang='en' category='client' name='Psi 0.11' type='pc'/>"
                + "<identity xml:lang='el' category='client' name='\u03a8 0.11' type='pc'/>"
                + "<feature var='http://jabber.org/protocol/disco#items'/>"
                + "<feature var='http://jabber.org/protocol/caps'/>"
                + "<feature var='http://jabber.org/protocol/muc'/>"
                + "<feature var='http://jabber.org/protocol/disco#info'/>"
                + "<x xmlns='jabber:x:data' type='result'>"
                + "<field var='ip_version' type='text-multi'><value>ipv6</value><value>ipv4</value></field>"
                + "<field var='FORM_TYPE' type='hidden'><value>urn:xmpp:dataforms:softwareinfo</value></field>"
                + "<field var='os'><value>Mac</value></field>"
                + "<field var='os_version'><value>10.5.1</value></field>"
                + "<field var='software'><value>Psi</value></field>"
                + "<field var='software_version'><value>0.11</value></field>"
                + "</x></query>");
        assertEquals("client/pc/el/\u03a8 0.11<client/pc/en/Psi 0.11<http://jabber.org/protocol/caps<"
                + "http://jabber.org/protocol/disco#info<http://jabber.org/protocol/disco#items<"
                + "http://jabber.org/protocol/muc<urn:xmpp:dataforms:softwareinfo<ip_version<ipv4<ipv6<os<Mac<"
                + "os_version<10.5.1<software<Psi<software_version<0.11<", EntityCaps.verificationString(info));
        assertEquals("q07IKJEyjvHSyhy//CH0CxmKi8w=", EntityCaps.ver(info));
    }

    @Test
    void formsWithoutFormTypeAreIgnoredAndOrderDoesNotMatter() throws Exception {
        String head = "<query xmlns='http://jabber.org/protocol/disco#info'><identity category='server' type='im'/>";
        Element plain = parse(head + "<feature var='b'/><feature var='a'/></query>");
        Element withStrayForm = parse(head + "<feature var='a'/><feature var='b'/>"
                + "<x xmlns='jabber:x:data' type='result'><field var='x'><value>1</value></field></x></query>");
        assertEquals(EntityCaps.ver(plain), EntityCaps.ver(withStrayForm));
        Element more = parse(head + "<feature var='a'/><feature var='b'/><feature var='c'/></query>");
        assertNotEquals(EntityCaps.ver(plain), EntityCaps.ver(more));
    }

    /** i;octet is UTF-8 byte order: U+FB01 (EF AC 81) sorts before U+1F600 (F0 9F 98 80), unlike String order. */
    @Test
    void sortsByUtf8Bytes() throws Exception {
        Element info = parse("<query xmlns='http://jabber.org/protocol/disco#info'>"
                + "<feature var='\uD83D\uDE00'/><feature var='\uFB01'/></query>");
        assertEquals("\uFB01<\uD83D\uDE00<", EntityCaps.verificationString(info));
    }
}
