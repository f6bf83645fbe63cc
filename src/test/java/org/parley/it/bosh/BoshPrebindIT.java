package org.parley.it.bosh;

import org.dom4j.Element;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.it.support.Clients;
import org.parley.it.support.ItConfig;
import org.parley.it.support.TestAccounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BOSH pre-binding (POST /api/v1/prebind): the server opens, authenticates and binds a session; a page continues
 * it with raw BOSH requests (what converse.js does in 'prebind' mode) and chats with a TCP client.
 */
class BoshPrebindIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static TestAccounts accounts;
    private static TestAccounts.Account web;
    private static TestAccounts.Account desk;

    @BeforeAll
    static void setUp() throws Exception {
        accounts = TestAccounts.open();
        web = accounts.create("prebind-web");
        desk = accounts.create("prebind-desk");
    }

    @AfterAll
    static void tearDown() {
        accounts.close();
    }

    private static HttpResponse<String> prebind(String body, String username, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(RawBosh.BASE + "/api/v1/prebind"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (username != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> prebind(String body) throws Exception {
        return prebind(body, ItConfig.adminJid(), ItConfig.adminPassword());
    }

    /** A member of a flat JSON object answer (string or number), or null. */
    private static String member(HttpResponse<String> r, String name) {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(?:\"([^\"]*)\"|(\\d+))").matcher(r.body());
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    @Test
    void aPreboundSessionIsContinuedByThePage() throws Exception {
        HttpResponse<String> r = prebind("{\"jid\":\"" + web.jid() + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        String jid = member(r, "jid");
        assertTrue(jid.startsWith(web.jid() + "/") && jid.length() > web.jid().toString().length() + 1,
                "a full JID with a generated resource: " + jid);
        RawBosh page = new RawBosh();
        page.sid = member(r, "sid");
        page.rid = Long.parseLong(member(r, "rid")) - 1; // 'rid' is the next request's

        Element roster = page.send("<iq xmlns='jabber:client' type='get' id='r1'>"
                        + "<query xmlns='jabber:iq:roster'/></iq>")
                .body().element("iq");
        assertNotNull(roster, "the roster answer");
        assertEquals("result", roster.attributeValue("type"), roster.asXML());
        page.send("<presence xmlns='jabber:client'/>");

        XMPPTCPConnection tcp = Clients.login(desk, "desk");
        try (StanzaCollector inbox = tcp.createStanzaCollector(MessageWithBodiesFilter.INSTANCE)) {
            tcp.sendStanza(StanzaBuilder.buildMessage().to(JidCreate.from(jid)).ofType(Message.Type.chat)
                    .setBody("to the page").build());
            List<String> bodies = page.send("").body().elements("message").stream()
                    .map(m -> m.elementText("body")).toList();
            assertEquals(List.of("to the page"), bodies);

            page.send("<message xmlns='jabber:client' type='chat' to='" + tcp.getUser() + "'><body>from the page"
                    + "</body></message>");
            Message back = inbox.nextResult(ItConfig.timeoutMillis());
            assertNotNull(back, "the TCP client got the page's message");
            assertEquals("from the page", back.getBody());
            assertEquals(jid, back.getFrom().toString());
        } finally {
            Clients.close(tcp);
        }
        assertEquals("terminate", page.next("type='terminate'", null).body().attributeValue("type"));
    }

    @Test
    void badInputIsABadRequest() throws Exception {
        for (String body : List.of("not json", "{}", "{\"jid\":42}", "{\"jid\":\"a@b@c\"}")) {
            HttpResponse<String> r = prebind(body);
            assertEquals(400, r.statusCode(), body + ": " + r.body());
            assertNotNull(member(r, "error"), r.body());
        }
        assertEquals("jid", member(prebind("{}"), "field"));
    }

    @Test
    void unknownAndDisabledAccountsAreRefused() throws Exception {
        HttpResponse<String> unknown = prebind("{\"jid\":\"nobody-prebind@" + ItConfig.domain() + "\"}");
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals("jid", member(unknown, "field"));

        TestAccounts.Account off = accounts.create("prebind-off");
        accounts.disable(off);
        HttpResponse<String> disabled = prebind("{\"jid\":\"" + off.jid() + "\"}");
        assertEquals(403, disabled.statusCode(), disabled.body());
        assertEquals("jid", member(disabled, "field"));
    }

    @Test
    void onlyAnAdministratorMayPrebind() throws Exception {
        String body = "{\"jid\":\"" + web.jid() + "\"}";
        HttpResponse<String> none = prebind(body, null, null);
        assertEquals(401, none.statusCode(), none.body());
        HttpResponse<String> user = prebind(body, desk.jid().toString(), desk.password());
        assertTrue(user.statusCode() == 401 || user.statusCode() == 403, user.statusCode() + " " + user.body());
        HttpResponse<String> wrong = prebind(body, ItConfig.adminJid(), "wrong");
        assertEquals(401, wrong.statusCode(), wrong.body());
    }
}
