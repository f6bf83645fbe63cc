package org.parley.it.bosh;

import org.dom4j.Element;
import org.dom4j.QName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.it.support.Await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raw XEP-0124/XEP-0206 against the running server: what a web client's BOSH library does, and what it must not. */
class BoshProtocolIT {
    private static final String XBOSH = "urn:xmpp:xbosh";
    private static final String STREAM = "http://etherx.jabber.org/streams";
    private static int baseline;
    private final AdminApi admin = new AdminApi();

    @BeforeAll
    static void countSessions() throws Exception {
        baseline = new AdminApi().liveBoshSessions();
    }

    @AfterAll
    static void nothingLeaks() throws Exception {
        AdminApi api = new AdminApi();
        int live = api.liveBoshSessions();
        for (int i = 0; i < 100 && live > baseline; i++) {
            Thread.sleep(100);
            live = api.liveBoshSessions();
        }
        assertTrue(live <= baseline, "BOSH sessions left behind: " + live + " (before the tests: " + baseline + ")");
    }

    private static String resource(String prefix) {
        byte[] b = new byte[4];
        ThreadLocalRandom.current().nextBytes(b);
        return prefix + "-" + HexFormat.of().formatHex(b);
    }

    private static String message(String to, String id) {
        return RawBosh.message(to, id);
    }

    /** Message ids in the given responses, then in further polls until {@code count} were seen. */
    private static List<String> messageIds(RawBosh b, int count, RawBosh.Reply... replies) {
        List<String> ids = new ArrayList<>(RawBosh.messageIds(replies));
        for (int i = 0; i < 3 && ids.size() < count; i++) {
            b.send("").body().elements("message").forEach(m -> ids.add(m.attributeValue("id")));
        }
        return ids;
    }

    private static void terminate(RawBosh b) {
        RawBosh.Reply r = b.next("type='terminate'", "<presence xmlns='jabber:client' type='unavailable'/>");
        assertEquals("terminate", r.body().attributeValue("type"), r.text());
    }

    @Test
    void sessionCreationAnswersWithTheSessionAttributesAndStreamFeatures() {
        RawBosh b = new RawBosh();
        RawBosh.Reply r = b.create("wait='90' hold='1' ver='1.6' content='text/xml; charset=utf-8'");
        assertEquals(200, r.status());
        assertEquals("text/xml;charset=utf-8", r.header("Content-Type").toLowerCase().replace(" ", ""));
        assertEquals("*", r.header("Access-Control-Allow-Origin"));
        Element body = r.body();
        assertTrue(body.attributeValue("sid").length() >= 32, "at least 128 random bits");
        assertTrue(Integer.parseInt(body.attributeValue("wait")) <= 90);
        assertEquals("1", body.attributeValue("hold"));
        assertEquals("2", body.attributeValue("requests"));
        assertNotNull(body.attributeValue("inactivity"));
        assertNotNull(body.attributeValue("polling"));
        assertNotNull(body.attributeValue("maxpause"));
        assertEquals("1.6", body.attributeValue("ver"));
        assertEquals(RawBosh.DOMAIN, body.attributeValue("from"));
        assertNotNull(body.attributeValue("authid"));
        assertEquals("1.0", body.attributeValue(QName.get("version", "xmpp", XBOSH)));
        assertEquals("true", body.attributeValue(QName.get("restartlogic", "xmpp", XBOSH)));
        Element features = body.element(QName.get("features", "stream", STREAM));
        assertNotNull(features, r.text());
        Element mechanisms = features.element(QName.get("mechanisms", "urn:ietf:params:xml:ns:xmpp-sasl"));
        List<String> names = mechanisms.elements().stream().map(Element::getText).toList();
        assertTrue(names.contains("SCRAM-SHA-1") && names.contains("PLAIN"), names.toString());
        assertTrue(features.element(QName.get("starttls", "urn:ietf:params:xml:ns:xmpp-tls")) == null,
                "no STARTTLS inside BOSH");
        terminate(b);
    }

    @Test
    void loginRestartBindAndAMessageToSelfArrivesOnTheHeldRequest() throws Exception {
        RawBosh b = new RawBosh();
        String jid = b.login(RawBosh.ADMIN_JID, RawBosh.ADMIN_PASSWORD, resource("self"));
        assertTrue(jid.startsWith(RawBosh.ADMIN_JID + "/"), jid);
        assertTrue(admin.sessions("bosh").contains(jid), "listed as a bosh session");
        CompletableFuture<RawBosh.Reply> held = b.nextAsync("", null);
        Thread.sleep(500);
        assertFalse(held.isDone(), "an empty request is held until there is something to say");
        RawBosh.Reply sent = b.send(message(jid, "to-self"));
        assertTrue(RawBosh.await(held).body().elements().isEmpty(), "the held request is released empty");
        assertEquals(List.of("to-self"), messageIds(b, 1, sent));
        terminate(b);
        Await.until("the session ended with the terminate request", Duration.ofSeconds(5),
                () -> !boshSessions().contains(jid));
    }

    @Test
    void aResentRequestGetsTheIdenticalResponse() {
        RawBosh b = new RawBosh();
        b.login(RawBosh.ADMIN_JID, RawBosh.ADMIN_PASSWORD, resource("resend"));
        String payload = "<iq xmlns='jabber:client' type='get' id='roster1'><query xmlns='jabber:iq:roster'/></iq>";
        RawBosh.Reply first = b.send(payload);
        assertNotNull(first.body().element("iq"), first.text());
        RawBosh.Reply again = b.post(b.at(b.rid, "", payload));
        assertEquals(200, again.status());
        assertEquals(first.text(), again.text());
        terminate(b);
    }

    @Test
    void aRequestThatOvertakesItsPredecessorWaitsForIt() throws Exception {
        RawBosh b = new RawBosh();
        String jid = b.login(RawBosh.ADMIN_JID, RawBosh.ADMIN_PASSWORD, resource("order"));
        long base = b.rid;
        CompletableFuture<RawBosh.Reply> later = b.postAsync(b.at(base + 2, "", message(jid, "second")));
        Thread.sleep(300);
        RawBosh.Reply earlier = b.post(b.at(base + 1, "", message(jid, "first")));
        b.rid = base + 2;
        assertEquals(List.of("first", "second"), messageIds(b, 2, earlier, RawBosh.await(later)));
        terminate(b);
    }

    @Test
    void aRidOutsideTheWindowEndsTheSession() {
        RawBosh b = new RawBosh();
        b.create();
        RawBosh.Reply r = b.post(b.at(b.rid + 5, "", null));
        assertEquals(200, r.status(), "clients that sent 'ver' read the terminal condition");
        assertEquals("terminate", r.body().attributeValue("type"));
        assertEquals("item-not-found", r.body().attributeValue("condition"));
        RawBosh.Reply after = b.send("");
        assertEquals(404, after.status(), "the session is gone");

        RawBosh legacy = new RawBosh();
        legacy.create("wait='60' hold='1'");
        assertEquals(404, legacy.post(legacy.at(legacy.rid + 5, "", null)).status(), "legacy clients get HTTP 404");
    }

    @Test
    void anUnknownSessionIsItemNotFound() {
        RawBosh b = new RawBosh();
        b.sid = "00112233445566778899aabbccddeeff00112233";
        RawBosh.Reply r = b.send("");
        assertEquals(404, r.status());
        assertEquals("terminate", r.body().attributeValue("type"));
        assertEquals("item-not-found", r.body().attributeValue("condition"));
    }

    @Test
    void garbageIsABadRequest() {
        RawBosh b = new RawBosh();
        for (String garbage : List.of("hello", "<html><body>x</body></html>", "<body xmlns='" + RawBosh.NS + "'>")) {
            RawBosh.Reply r = b.post(garbage);
            assertEquals(400, r.status(), garbage);
            assertEquals("bad-request", r.body().attributeValue("condition"), garbage);
        }
    }

    @Test
    void anOversizedBodyIsAPolicyViolation() {
        String big = "<message xmlns='jabber:client' to='nobody@" + RawBosh.DOMAIN + "'><body>" + "x".repeat(300_000)
                + "</body></message>";
        RawBosh b = new RawBosh();
        b.create();
        RawBosh.Reply r = b.send(big);
        assertEquals("policy-violation", r.body().attributeValue("condition"), r.text());
        assertEquals(404, b.send("").status(), "the session ended");
        assertEquals(403, new RawBosh().post("<body xmlns='" + RawBosh.NS + "' rid='1'>" + big + "</body>").status(),
                "without a session: HTTP 403");
    }

    @Test
    void tooManySimultaneousRequestsAreAPolicyViolation() {
        RawBosh b = new RawBosh();
        b.login(RawBosh.ADMIN_JID, RawBosh.ADMIN_PASSWORD, resource("busy"));
        long base = b.rid;
        CompletableFuture<RawBosh.Reply> held = b.postAsync(b.at(base + 1, "", null));
        sleep(300); // base + 3 before base + 1 would be outside the window
        CompletableFuture<RawBosh.Reply> early = b.postAsync(b.at(base + 3, "", null));
        sleep(300);
        RawBosh.Reply third = b.post(b.at(base + 2, "", null));
        assertEquals("policy-violation", third.body().attributeValue("condition"), third.text());
        assertEquals("terminate", RawBosh.await(held).body().attributeValue("type"));
        assertEquals("terminate", RawBosh.await(early).body().attributeValue("type"));
    }

    @Test
    void aReloadedPageContinuesWithTheNextRid() {
        RawBosh page = new RawBosh();
        String jid = page.login(RawBosh.ADMIN_JID, RawBosh.ADMIN_PASSWORD, resource("reload"));
        CompletableFuture<RawBosh.Reply> unloaded = page.nextAsync("", null);
        sleep(300);
        unloaded.cancel(true); // the browser aborts it while leaving the page
        RawBosh reloaded = new RawBosh();
        reloaded.sid = page.sid;
        reloaded.rid = page.rid; // sessionStorage: the last rid used
        RawBosh.Reply r = reloaded.send(message(jid, "after-reload"));
        assertEquals(200, r.status(), r.text());
        assertEquals(List.of("after-reload"), messageIds(reloaded, 1, r));
        terminate(reloaded);
    }

    @Test
    void aClientThatStopsPollingIsGoneAfterTheInactivityPeriod() throws Exception {
        RawBosh b = new RawBosh();
        String jid = b.login(RawBosh.ADMIN_JID, RawBosh.ADMIN_PASSWORD, resource("idle"));
        assertTrue(admin.sessions("bosh").contains(jid));
        // the creation response's 'inactivity' is the server's setting (parley.bosh.inactivity)
        int inactivity = Integer.parseInt(b.created.attributeValue("inactivity"));
        long quietSince = System.nanoTime();
        // the server's real clock runs this timer: wait for the end (with a deadline) instead of a fixed sleep
        Await.until("the session ends when its client went quiet", Duration.ofSeconds(inactivity + 10),
                () -> !boshSessions().contains(jid));
        long quietMillis = (System.nanoTime() - quietSince) / 1_000_000;
        assertTrue(quietMillis >= inactivity * 1000L - 1000, "not before 'inactivity': " + quietMillis + " ms");
        assertEquals(404, b.send("").status());
    }

    @Test
    void corsPreflightAndProbe() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> pre = http.send(HttpRequest.newBuilder(URI.create(RawBosh.BASE + "/http-bind"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://chat.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, pre.statusCode());
        assertEquals("*", pre.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(pre.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertTrue(pre.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase().contains("content-type"));
        assertTrue(pre.headers().firstValue("Access-Control-Max-Age").isPresent());
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(RawBosh.BASE + "/http-bind")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, get.statusCode());
        assertTrue(get.body().contains("BOSH"));
    }

    @Test
    void theBoshPathIsAnAlias() {
        RawBosh b = new RawBosh("/bosh");
        assertNotNull(b.create().body().attributeValue("sid"));
        terminate(b);
    }

    private List<String> boshSessions() {
        try {
            return admin.sessions("bosh");
        } catch (Exception e) {
            throw new AssertionError("listing the BOSH sessions failed", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
