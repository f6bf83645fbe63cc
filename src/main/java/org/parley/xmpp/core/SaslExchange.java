package org.parley.xmpp.core;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.parley.xmpp.sasl.SaslFailure;
import org.parley.xmpp.sasl.SaslMechanisms;
import org.parley.xmpp.sasl.SaslServerMechanism;
import org.parley.xmpp.sasl.SaslStep;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The SASL exchange of one stream (RFC 6120 §6: auth, challenge, response, abort, success, failure), apart from
 * {@link C2SStream} so the stream keeps only its states; the mechanism in progress lives here.
 */
final class SaslExchange {
    /** Compiled once: String.replaceAll compiled it on every SASL step. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private final XmppServer server;
    private final Connection connection;
    private final C2SStream stream;
    private SaslServerMechanism sasl;
    /** Failed handshakes on this stream (RFC 6120 §6.4.5: a few retries, then the stream ends). */
    private int failures;

    SaslExchange(XmppServer server, Connection connection, C2SStream stream) {
        this.server = server;
        this.connection = connection;
        this.stream = stream;
    }

    boolean plainAllowed() {
        return connection.isSecure() || server.plainWithoutTls();
    }

    /** An element of the SASL namespace, for the host the stream is opened to. */
    void handle(Element element, String domain) {
        String name = element.getName();
        try {
            switch (name) {
                case "auth" -> {
                    String mechanism = element.attributeValue("mechanism");
                    if (!server.throttle().allowed(null, connection.remoteAddress())) {
                        throw new SaslFailure("temporary-auth-failure", "too many failed attempts");
                    }
                    sasl = SaslMechanisms.create(mechanism == null ? "" : mechanism, domain,
                            server.credentials(domain), plainAllowed());
                    step(decode(element.getTextTrim()));
                }
                case "response" -> {
                    if (sasl == null) {
                        throw new SaslFailure("malformed-request", "no authentication in progress");
                    }
                    step(decode(element.getTextTrim()));
                }
                case "abort" -> {
                    sasl = null;
                    throw new SaslFailure("aborted", null);
                }
                default -> stream.fail("unsupported-stanza-type", null);
            }
        } catch (SaslFailure f) {
            sasl = null;
            failure(f.condition(), f.getMessage());
        }
    }

    private void step(byte[] data) throws SaslFailure {
        SaslStep result;
        try {
            result = sasl.evaluate(data);
        } catch (SaslFailure f) {
            if (SaslFailure.NOT_AUTHORIZED.equals(f.condition())) {
                server.throttle().failed(sasl.attemptedUsername(), connection.remoteAddress());
            }
            throw f;
        }
        if (result instanceof SaslStep.Challenge c) {
            Element challenge = DocumentHelper.createElement(QName.get("challenge", C2SStream.SASL_NS));
            challenge.setText(encode(c.data()));
            connection.send(challenge);
            return;
        }
        SaslStep.Success ok = (SaslStep.Success) result;
        if (!server.throttle().allowed(ok.username(), connection.remoteAddress())) {
            throw new SaslFailure("temporary-auth-failure", "too many failed attempts for this account");
        }
        server.throttle().succeeded(ok.username(), connection.remoteAddress());
        sasl = null;
        stream.authenticated(ok.username());
        Element success = DocumentHelper.createElement(QName.get("success", C2SStream.SASL_NS));
        if (ok.additionalData() != null && ok.additionalData().length > 0) {
            success.setText(encode(ok.additionalData()));
        }
        connection.restartStream(success);
        server.metrics().login();
    }

    /**
     * Sends a SASL failure. RFC 6120 §6.4.5 wants "a configurable but reasonable number of retries (at least 2 and
     * no more than 5)" so that a mistyped password costs no reconnect; past them the stream ends with
     * policy-violation (§4.9.3.14, a local service policy) instead of serving guesses on one connection forever.
     */
    void failure(String condition, String text) {
        Element failure = DocumentHelper.createElement(QName.get("failure", C2SStream.SASL_NS));
        failure.addElement(condition);
        if (text != null && !text.isBlank()) {
            failure.addElement("text").setText(text);
        }
        connection.send(failure);
        if (++failures > server.saslMaxRetries()) {
            stream.fail("policy-violation", "too many failed authentication attempts");
        }
    }

    private static byte[] decode(String text) throws SaslFailure {
        if (text == null || text.isEmpty() || "=".equals(text)) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(WHITESPACE.matcher(text).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw new SaslFailure("incorrect-encoding", null);
        }
    }

    private static String encode(byte[] data) {
        return data.length == 0 ? "=" : Base64.getEncoder().encodeToString(data);
    }
}
