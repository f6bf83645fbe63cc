package org.parley.infrastructure.transport.bosh;

import org.dom4j.Element;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** A scripted BOSH client over {@link BoshFixture}: it numbers its requests and speaks XEP-0206. */
final class BoshClient {
    static final String NS = "http://jabber.org/protocol/httpbind";
    private final BoshFixture fixture;
    long rid = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    String sid;

    BoshClient(BoshFixture fixture) {
        this.fixture = fixture;
    }

    /** The session creation request with extra attributes, e.g. "wait='60' hold='1' ver='1.6'". */
    FakeExchange create(String attributes) {
        return fixture.post("<body xmlns='" + NS + "' xmlns:xmpp='urn:xmpp:xbosh' xmpp:version='1.0' to='example.org'"
                + " rid='" + rid + "' xml:lang='en' " + attributes + "/>");
    }

    /** Creates the session and returns the creation response. */
    Element open() {
        return open("wait='60' hold='1' ver='1.6'");
    }

    Element open(String attributes) {
        Element body = create(attributes).xml();
        sid = body.attributeValue("sid");
        return body;
    }

    /** The next request, with extra attributes and payload. */
    FakeExchange next(String attributes, String payload) {
        return at(++rid, attributes, payload);
    }

    FakeExchange at(long r, String attributes, String payload) {
        String open = "<body xmlns='" + NS + "' sid='" + sid + "' rid='" + r + "' " + attributes;
        return fixture.post(payload == null || payload.isEmpty() ? open + "/>" : open + ">" + payload + "</body>");
    }

    FakeExchange send(String payload) {
        return next("", payload);
    }

    /** Logs in with PLAIN, restarts and binds {@code resource}; returns the bound JID. */
    String login(String user, String resource) {
        return login(user, resource, "wait='60' hold='1' ver='1.6'");
    }

    /** {@link #login(String, String)} with the given session creation attributes. */
    String login(String user, String resource, String creationAttributes) {
        open(creationAttributes);
        String plain = "\0" + user + "\0secret";
        Element success = send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)) + "</auth>").xml();
        if (success.element("success") == null) {
            throw new AssertionError("login failed: " + success.asXML());
        }
        Element features = next("to='example.org' xml:lang='en' xmpp:restart='true' xmlns:xmpp='urn:xmpp:xbosh'",
                null).xml();
        if (features.element("features") == null) {
            throw new AssertionError("no features after restart: " + features.asXML());
        }
        Element bound = send("<iq xmlns='jabber:client' type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                + "<resource>" + resource + "</resource></bind></iq>").xml();
        return bound.element("iq").element("bind").elementText("jid");
    }
}
