package org.parley.infrastructure.transport.tcp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RFC 6120 §4.9.1.1: an error in a stream header is answered with the server's opening stream header first and
 * then the stream error, for the first header and for the header of the stream restarted after SASL.
 */
class StreamHeaderErrorTest {
    private static final String BAD_NS_HEADER = "<?xml version='1.0'?><stream:stream to='example.org' version='1.0'"
            + " xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams-wrong'>";
    private static final String DOCTYPE_HEADER = "<?xml version='1.0'?><!DOCTYPE stream:stream>"
            + EmbeddedTcp.HEADER.substring(EmbeddedTcp.HEADER.indexOf("<stream:stream"));
    private static final String OLD_VERSION_HEADER = EmbeddedTcp.HEADER.replace("version='1.0' xmlns", "version='0.9' xmlns");

    /** The answer opens a stream, then carries the condition, then closes the stream. */
    private static void assertHeaderThenError(String answer, String condition) {
        int header = answer.indexOf("<stream:stream ");
        int error = answer.indexOf("<stream:error>");
        assertTrue(header >= 0, "the server opened the stream: " + answer);
        assertTrue(error > header, "the stream error follows the header: " + answer);
        assertTrue(answer.indexOf("<" + condition + " ", error) > error, condition + ": " + answer);
        assertTrue(answer.endsWith("</stream:stream>"), "and the stream is closed: " + answer);
    }

    private static String afterSasl(EmbeddedTcp tcp) {
        tcp.send(EmbeddedTcp.HEADER);
        assertTrue(tcp.take().contains("<mechanism>PLAIN</mechanism>"));
        tcp.send(EmbeddedTcp.AUTH_ALICE);
        String success = tcp.take();
        assertTrue(success.contains("<success"), success);
        return success;
    }

    @ParameterizedTest
    @ValueSource(strings = {"doctype", "namespace", "version"})
    void anErrorInTheRestartedHeaderFollowsANewHeader(String kind) {
        EmbeddedTcp tcp = new EmbeddedTcp(null);
        afterSasl(tcp);
        tcp.send(switch (kind) {
            case "doctype" -> DOCTYPE_HEADER;
            case "namespace" -> BAD_NS_HEADER;
            default -> OLD_VERSION_HEADER;
        });
        assertHeaderThenError(tcp.take(), switch (kind) {
            case "doctype" -> "restricted-xml";
            case "namespace" -> "invalid-namespace";
            default -> "unsupported-version";
        });
        assertFalse(tcp.channel.isActive(), "the connection is closed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"doctype", "namespace", "version"})
    void anErrorInTheFirstHeaderFollowsAHeader(String kind) {
        EmbeddedTcp tcp = new EmbeddedTcp(null);
        tcp.send(switch (kind) {
            case "doctype" -> DOCTYPE_HEADER;
            case "namespace" -> BAD_NS_HEADER;
            default -> OLD_VERSION_HEADER;
        });
        String answer = tcp.take();
        assertHeaderThenError(answer, switch (kind) {
            case "doctype" -> "restricted-xml";
            case "namespace" -> "invalid-namespace";
            default -> "unsupported-version";
        });
        assertTrue(answer.indexOf("<stream:stream ") == answer.lastIndexOf("<stream:stream "), "one header: " + answer);
    }

    @Test
    void aStanzaInsteadOfTheRestartedHeaderFollowsANewHeaderToo() {
        EmbeddedTcp tcp = new EmbeddedTcp(null);
        afterSasl(tcp);
        tcp.send("<message to='bob@example.org'><body>no header</body></message>");
        String answer = tcp.take();
        int header = answer.indexOf("<stream:stream ");
        int error = answer.indexOf("<stream:error>");
        assertTrue(header >= 0 && error > header, "header, then the error: " + answer);
    }
}
