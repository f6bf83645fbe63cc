package org.parley.it.rest;

import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.it.support.Await;
import org.parley.it.support.Clients;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.rest.RestClient.assertError;
import static org.parley.it.rest.RestClient.enc;

/** /api/v1/users/{jid}/roster: provisioned over REST, read and pushed over XMPP; refusals. */
class RosterRestIT {
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static String alice;
    private static String bob;
    private final RestClient admin = RestClient.admin();

    @BeforeAll
    static void accounts() throws Exception {
        alice = RestClient.newUser("rosa", PASSWORD);
        bob = RestClient.newUser("rosb", PASSWORD);
    }

    @AfterAll
    static void cleanup() throws Exception {
        RestClient.deleteUser(alice);
        RestClient.deleteUser(bob);
    }

    private static String path(String owner) {
        return "/api/v1/users/" + enc(owner) + "/roster";
    }

    @Test
    void provisionedItemsReachTheStoreAndTheOnlineClient() throws Exception {
        String carol = "carol-" + UUID.randomUUID().toString().substring(0, 6) + "@" + RestClient.DOMAIN;
        HttpResponse<String> set = admin.put(path(alice) + "/" + enc(bob),
                "{\"name\":\"Bob\",\"groups\":[\"Team\",\"Friends\"],\"subscription\":\"both\"}");
        assertEquals(200, set.statusCode(), set.body());
        assertTrue(set.body().contains("\"subscription\":\"both\""), set.body());

        XMPPTCPConnection c = Clients.connected(alice.substring(0, alice.indexOf('@')), PASSWORD, "roster");
        try {
            c.login();
            Roster roster = Roster.getInstanceFor(c);
            roster.reloadAndWait();
            RosterEntry b = roster.getEntry(JidCreate.entityBareFrom(bob));
            assertNotNull(b, "the item provisioned over REST is in the XMPP roster");
            assertEquals("Bob", b.getName());
            assertEquals(RosterPacket.ItemType.both, b.getType());
            assertEquals(2, b.getGroups().size());

            // The user is online: the change is pushed (RFC 6121 §2.1.6) and cached.
            assertEquals(200, admin.put(path(alice) + "/" + enc(carol), "{\"subscription\":\"to\"}").statusCode());
            Await.until("a roster push of " + carol,
                    () -> roster.getEntry(JidCreate.entityBareFromOrThrowUnchecked(carol)) != null);
            assertTrue(admin.get(path(alice)).body().contains("\"jid\":\"" + carol + "\""));

            assertEquals(204, admin.delete(path(alice) + "/" + enc(carol)).statusCode());
            Await.until("a roster push removing " + carol,
                    () -> roster.getEntry(JidCreate.entityBareFromOrThrowUnchecked(carol)) == null);
            assertError(admin.delete(path(alice) + "/" + enc(carol)), 404, "contact");
        } finally {
            Clients.close(c);
        }
        HttpResponse<String> list = admin.get(path(alice));
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"jid\":\"" + bob + "\",\"name\":\"Bob\",\"groups\":[\"Team\",\"Friends\"]"
                + ",\"subscription\":\"both\""), list.body());
        assertTrue(!list.body().contains(carol), list.body());
    }

    @Test
    void refusals() throws Exception {
        String item = path(alice) + "/" + enc(bob);
        assertError(admin.put(item, "{\"subscription\":\"sometimes\"}"), 400, "subscription");
        assertError(admin.put(item, "{\"groups\":\"Team\"}"), 400, "groups");
        assertError(admin.put(item, "{\"groups\":[\"A\",\"A\"]}"), 400, "groups");
        assertError(admin.put(item, "{\"name\":7}"), 400, "name");
        assertError(admin.put(path(alice) + "/" + enc(bob + "/phone"), "{}"), 400, "contact");
        assertError(admin.get(path("eve@other.example")), 403, "jid");
        assertError(admin.get(path("nobody-" + UUID.randomUUID().toString().substring(0, 6) + "@"
                + RestClient.DOMAIN)), 404, "jid");
        assertError(RestClient.anonymous().get(path(alice)), 401, null);
        assertError(RestClient.as(alice, PASSWORD).get(path(alice)), 403, null);
    }
}
