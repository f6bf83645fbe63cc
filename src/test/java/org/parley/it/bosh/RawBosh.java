package org.parley.it.bosh;

import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** A BOSH client speaking raw XEP-0124/0206 over java.net.http, one request at a time unless asked otherwise. */
final class RawBosh {
    static final String NS = "http://jabber.org/protocol/httpbind";
    static final String BASE = System.getProperty("parley.base.url",
            "http://127.0.0.1:" + System.getProperty("parley.http.port", "18080"));
    static final String DOMAIN = System.getProperty("parley.domains", "localhost").split(",")[0].trim();
    static final String ADMIN_JID = System.getProperty("parley.admin.jid", "admin@localhost");
    static final String ADMIN_PASSWORD = System.getProperty("parley.admin.password", "parley-it-admin");

    /** A response: HTTP status, headers and the parsed body. */
    record Reply(int status, Map<String, java.util.List<String>> headers, String text) {
        Element body() {
            try {
                return DocumentHelper.parseText(text).getRootElement();
            } catch (DocumentException e) {
                throw new AssertionError("not XML (HTTP " + status + "): " + text, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String path;
    long rid = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    String sid;
    /** The session creation response. */
    Element created;

    RawBosh() {
        this("/http-bind");
    }

    RawBosh(String path) {
        this.path = path;
    }

    /** Sends the session creation request ("wait='60' hold='1' ver='1.6'" unless given) and keeps the sid. */
    Reply create(String attributes) {
        Reply r = post("<body xmlns='" + NS + "' xmlns:xmpp='urn:xmpp:xbosh' xmpp:version='1.0' to='" + DOMAIN
                + "' rid='" + rid + "' xml:lang='en' " + attributes + "/>");
        created = r.body();
        sid = created.attributeValue("sid");
        return r;
    }

    Reply create() {
        return create("wait='60' hold='1' ver='1.6'");
    }

    String at(long r, String attributes, String payload) {
        String open = "<body xmlns='" + NS + "' sid='" + sid + "' rid='" + r + "' " + attributes;
        return payload == null || payload.isEmpty() ? open + "/>" : open + ">" + payload + "</body>";
    }

    /** The next request, asynchronously (it may be held for up to 'wait' seconds). */
    CompletableFuture<Reply> nextAsync(String attributes, String payload) {
        return postAsync(at(++rid, attributes, payload));
    }

    Reply next(String attributes, String payload) {
        return await(nextAsync(attributes, payload));
    }

    Reply send(String payload) {
        return next("", payload);
    }

    /** Creates a session, authenticates with PLAIN, restarts and binds; returns the full JID. */
    String login(String jid, String password, String resource) {
        return login(jid, password, resource, "wait='60' hold='1' ver='1.6'");
    }

    /** {@link #login(String, String, String)} with the given session creation attributes. */
    String login(String jid, String password, String resource, String creationAttributes) {
        create(creationAttributes);
        String user = jid.substring(0, jid.indexOf('@'));
        String plain = "\0" + user + "\0" + password;
        Element success = send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)) + "</auth>").body();
        if (success.element("success") == null) {
            throw new AssertionError("authentication failed: " + success.asXML());
        }
        Element restarted = next("to='" + DOMAIN + "' xml:lang='en' xmpp:restart='true' xmlns:xmpp='urn:xmpp:xbosh'",
                null).body();
        if (restarted.element("features") == null) {
            throw new AssertionError("no features after the restart: " + restarted.asXML());
        }
        Element bound = send("<iq xmlns='jabber:client' type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                + "<resource>" + resource + "</resource></bind></iq>").body();
        return bound.element("iq").element("bind").elementText("jid");
    }

    /** A chat message stanza to {@code to} whose id and body are {@code id}. */
    static String message(String to, String id) {
        return "<message xmlns='jabber:client' type='chat' to='" + to + "' id='" + id + "'><body>" + id
                + "</body></message>";
    }

    /** The ids of the messages the responses carry, in order. */
    static java.util.List<String> messageIds(Reply... replies) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (Reply r : replies) {
            r.body().elements("message").forEach(m -> ids.add(m.attributeValue("id")));
        }
        return ids;
    }

    Reply post(String body) {
        return await(postAsync(body));
    }

    CompletableFuture<Reply> postAsync(String body) {
        return postAsync(body.getBytes(StandardCharsets.UTF_8));
    }

    CompletableFuture<Reply> postAsync(byte[] body) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Reply(r.statusCode(), r.headers().map(), r.body()));
    }

    static Reply await(CompletableFuture<Reply> f) {
        try {
            return f.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no BOSH response", e);
        }
    }
}
