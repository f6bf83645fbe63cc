package org.parley.infrastructure.transport.tcp;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.feature.version.VersionModule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RFC 6120 §8.1.3 and §8.2.3 over a real stream: an IQ request of the wrong shape gets bad-request, never a
 * result and never silence; a malformed response is not answered; the stream goes on either way.
 */
class MalformedIqTest {
    private static final String VERSION = "<query xmlns='jabber:iq:version'/>";
    private static final String STANZAS_NS = "urn:ietf:params:xml:ns:xmpp-stanzas";

    private static Element parse(String xml) throws Exception {
        return DocumentHelper.parseText(xml).getRootElement();
    }

    private static void assertBadRequest(String answer, String id) throws Exception {
        assertTrue(answer.startsWith("<iq ") && answer.endsWith("</iq>"), "one IQ answers: " + answer);
        Element iq = parse(answer);
        assertEquals("error", iq.attributeValue("type"), answer);
        assertEquals(id, iq.attributeValue("id"), answer);
        Element error = iq.element("error");
        assertNotNull(error, answer);
        assertEquals("modify", error.attributeValue("type"), "RFC 6120 §8.3.3.1: bad-request is of type modify");
        assertNotNull(error.element(org.dom4j.QName.get("bad-request", STANZAS_NS)), answer);
        assertNull(iq.element("query"), "no result payload: " + answer);
    }

    /** After each case the stream still answers a well-formed request. */
    private static void assertStreamGoesOn(EmbeddedTcp tcp) throws Exception {
        tcp.send("<iq type='get' id='ok' to='example.org'>" + VERSION + "</iq>");
        Element iq = parse(tcp.take());
        assertEquals("result", iq.attributeValue("type"));
        assertEquals("ok", iq.attributeValue("id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<iq type='get' id='two' to='example.org'>" + VERSION + "<ping xmlns='urn:xmpp:ping'/></iq>",
            "<iq type='get' id='none' to='example.org'/>",
            "<iq type='set' id='none-set' to='example.org'>   </iq>",
            "<iq type='fetch' id='badtype' to='example.org'>" + VERSION + "</iq>",
            "<iq id='notype' to='example.org'>" + VERSION + "</iq>",
            "<iq type='get' id='two-to-user' to='bob@example.org/r'>" + VERSION + VERSION + "</iq>"})
    void aMalformedRequestGetsBadRequest(String request) throws Exception {
        EmbeddedTcp tcp = new EmbeddedTcp(null, new VersionModule()).login();
        tcp.send(request);
        String id = request.substring(request.indexOf("id='") + 4, request.indexOf('\'', request.indexOf("id='") + 4));
        assertBadRequest(tcp.take(), id);
        assertStreamGoesOn(tcp);
    }

    /** RFC 6120 §8.1.3: the error cannot carry an id the request did not have; it comes anyway. */
    @Test
    void aRequestWithoutIdGetsBadRequestWithoutId() throws Exception {
        EmbeddedTcp tcp = new EmbeddedTcp(null, new VersionModule()).login();
        tcp.send("<iq type='get' to='example.org'>" + VERSION + "</iq>");
        String answer = tcp.take();
        assertBadRequest(answer, null);
        assertEquals("example.org", parse(answer).attributeValue("from"), answer);
        assertEquals("alice@example.org/tcp", parse(answer).attributeValue("to"), answer);
        assertStreamGoesOn(tcp);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<iq type='result' to='example.org'/>",
            "<iq type='result' id='r2' to='example.org'>" + VERSION + VERSION + "</iq>",
            "<iq type='error' id='e1' to='example.org'>" + VERSION + "</iq>",
            "<iq type='error' to='example.org'><error type='cancel'><item-not-found xmlns='" + STANZAS_NS
                    + "'/></error></iq>"})
    void aMalformedResponseIsNotAnswered(String response) throws Exception {
        EmbeddedTcp tcp = new EmbeddedTcp(null, new VersionModule()).login();
        tcp.send(response);
        assertEquals("", tcp.take(), "RFC 6120 §8.2.3: no response to a response");
        assertStreamGoesOn(tcp);
    }

    @Test
    void beforeAuthenticationAndBeforeBindingToo() throws Exception {
        EmbeddedTcp tcp = new EmbeddedTcp(null, new VersionModule());
        tcp.send(EmbeddedTcp.HEADER);
        tcp.take();
        tcp.send("<iq type='get'><query xmlns='jabber:iq:register'/></iq>");
        assertBadRequest(tcp.take(), null);
        tcp.send(EmbeddedTcp.AUTH_ALICE);
        assertTrue(tcp.take().contains("<success"));
        tcp.send(EmbeddedTcp.HEADER);
        tcp.take();
        tcp.send("<iq type='set' id='b2'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/><x xmlns='urn:x'/></iq>");
        assertBadRequest(tcp.take(), "b2");
    }
}
