package org.parley.it.services;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.api.AccountOperations;
import org.parley.api.AnnouncementOperations;
import org.parley.api.HostInfo;
import org.parley.api.HostOperations;
import org.parley.api.MessageOperations;
import org.parley.api.ParleyException;
import org.parley.api.RosterItemInfo;
import org.parley.api.RosterOperations;
import org.parley.api.SessionOperations;
import org.parley.api.UserChanges;
import org.parley.api.UserInfo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The org.parley.api business interfaces as another deployment of the same server uses them (only the api
 * package is referenced), and the proof that they change the same state as the REST API.
 */
@ExtendWith(ArquillianExtension.class)
class ApiArqIT {
    private static final String DOMAIN = System.getProperty("parley.admin.jid", "admin@localhost").replaceAll(".*@", "");

    @Deployment
    static WebArchive deployment() {
        return ParleyDeployments.nextToParley("parley-api-it.war")
                .addClass(ApiArqIT.class);
    }

    @EJB(lookup = "java:global/parley/AccountService!org.parley.api.AccountOperations")
    AccountOperations accounts;

    @EJB(lookup = "java:global/parley/AccountService!org.parley.api.SessionOperations")
    SessionOperations sessions;

    @EJB(lookup = "java:global/parley/HostService!org.parley.api.HostOperations")
    HostOperations hosts;

    @EJB(lookup = "java:global/parley/MessageService!org.parley.api.MessageOperations")
    MessageOperations messages;

    @EJB(lookup = "java:global/parley/AnnouncementService!org.parley.api.AnnouncementOperations")
    AnnouncementOperations announcements;

    @EJB(lookup = "java:global/parley/RosterProvisioning!org.parley.api.RosterOperations")
    RosterOperations rosters;

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
    }

    @Test
    void accountsThroughTheBusinessInterface() {
        String jid = unique("ejb");
        UserInfo created = accounts.createUser(jid, "pw-1", false);
        assertEquals(jid, created.jid());
        assertTrue(created.enabled());
        try {
            assertEquals(ParleyException.Code.CONFLICT,
                    assertThrows(ParleyException.class, () -> accounts.createUser(jid, "x", false)).code());
            assertTrue(accounts.users(DOMAIN, 0, AccountOperations.MAX_PAGE).stream()
                    .anyMatch(u -> u.jid().equals(jid)));
            assertTrue(accounts.userCount(DOMAIN) >= 2);
            UserInfo changed = accounts.updateUser(jid, new UserChanges(null, true, false));
            assertTrue(changed.admin());
            assertFalse(changed.enabled());
            assertEquals(changed, accounts.user(jid));
            assertTrue(sessions.sessionsOf(jid).isEmpty());
            assertEquals(0, sessions.kick(jid));
            assertFalse(sessions.kickResource(jid + "/nowhere"));
            assertTrue(sessions.sessions(DOMAIN).stream().allMatch(s -> s.account().endsWith("@" + DOMAIN)));
        } finally {
            accounts.deleteUser(jid);
        }
        assertEquals(ParleyException.Code.NOT_FOUND,
                assertThrows(ParleyException.class, () -> accounts.user(jid)).code());
    }

    @Test
    void badInputIsAParleyExceptionNeverAFailure() {
        assertEquals(ParleyException.Code.INVALID, code(() -> accounts.createUser(null, "pw", false)));
        assertEquals(ParleyException.Code.INVALID, code(() -> accounts.createUser("a b@@", "pw", false)));
        assertEquals(ParleyException.Code.INVALID, code(() -> accounts.createUser(unique("p"), "", false)));
        assertEquals(ParleyException.Code.HOST_UNKNOWN, code(() -> accounts.createUser("u@unserved.example", "p", false)));
        assertEquals(ParleyException.Code.INVALID, code(() -> accounts.users(DOMAIN, -1, 10)));
        assertEquals(ParleyException.Code.INVALID, code(() -> accounts.users(DOMAIN, 0, 0)));
        assertEquals(ParleyException.Code.INVALID, code(() -> accounts.users(DOMAIN, 0, AccountOperations.MAX_PAGE + 1)));
        assertEquals(ParleyException.Code.INVALID, code(() -> sessions.kick("not a jid@@")));
        assertEquals(ParleyException.Code.INVALID, code(() -> sessions.kickResource("alice@" + DOMAIN)));
        assertEquals(ParleyException.Code.INVALID, code(() -> messages.sendMessage(null, "x@" + DOMAIN, null, null, "b")));
        assertEquals(ParleyException.Code.INVALID, code(() -> messages.sendMessage(DOMAIN, "x@" + DOMAIN, "weird", null, "b")));
        assertEquals(ParleyException.Code.NOT_FOUND, code(() -> hosts.host("nowhere.example")));
        assertEquals(ParleyException.Code.NOT_FOUND, code(() -> announcements.motd(null)));
        assertEquals(ParleyException.Code.NOT_FOUND, code(() -> rosters.rosterItems(unique("ghost"))));
        HostInfo h = hosts.host(DOMAIN);
        assertEquals(ParleyException.Code.INVALID, code(() -> hosts.updateHost(h.with("tlsMode", "SOMETIMES"))));
        assertEquals(ParleyException.Code.INVALID, code(() -> hosts.updateHost(h.with("mucEnabled", true))),
                "MUC has no service yet: not a setting");
        assertEquals(h, hosts.host(DOMAIN));
    }

    private static ParleyException.Code code(Runnable call) {
        return assertThrows(ParleyException.class, call::run).code();
    }

    @Test
    void aHostWithItsFirstAdminAndTheSameStateAsRest() throws Exception {
        String domain = "ejb" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        HostInfo created = hosts.createHost(domain, "chief@" + domain, "chief-pw");
        try {
            assertEquals("OPTIONAL", created.text("tlsMode"));
            assertFalse(created.settings().containsKey("federationEnabled"), "no federation yet: not shown");
            assertTrue(accounts.user("chief@" + domain).admin());
            // changed with EJB, read with REST (as the new domain's admin)
            hosts.updateHost(new HostInfo(domain, Map.of("tlsMode", "REQUIRED", "registrationEnabled", true,
                    "maxOfflineMessages", 11, "motd", "hello")));
            assertEquals(8192 * 32, hosts.host(domain).integer("maxStanzaBytes"), "settings not given keep theirs");
            String rest = http("chief@" + domain, "chief-pw", "GET", "/api/v1/hosts/" + domain, null).body();
            assertTrue(rest.contains("\"maxOfflineMessages\":11") && rest.contains("\"tlsMode\":\"REQUIRED\""), rest);
            // changed with REST, read with EJB
            assertEquals(200, http("chief@" + domain, "chief-pw", "PUT", "/api/v1/hosts/" + domain,
                    "{\"maxOfflineMessages\":12,\"motd\":\"from rest\"}").statusCode());
            assertEquals(12, hosts.host(domain).integer("maxOfflineMessages"));
            assertEquals("from rest", announcements.motd(domain));
            assertEquals(ParleyException.Code.CONFLICT, code(() -> hosts.createHost(domain, null, null)));
        } finally {
            accounts.deleteUser("chief@" + domain);
            hosts.removeHost(domain);
        }
        String other = "ejb" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        ParleyException bad = assertThrows(ParleyException.class,
                () -> hosts.createHost(other, "chief@elsewhere.example", "pw"));
        assertEquals("admin.jid", bad.field());
        assertTrue(hosts.hosts().stream().noneMatch(h -> h.domain().equals(other)), "nothing left behind");
    }

    @Test
    void usersAndRosterItemsAreTheSameStateForRestAndEjb() throws Exception {
        String admin = System.getProperty("parley.admin.jid", "admin@localhost");
        String password = System.getProperty("parley.admin.password", "parley-it-admin");
        String byEjb = unique("byejb");
        String byRest = unique("byrest");
        accounts.createUser(byEjb, "pw", false);
        try {
            HttpResponse<String> read = http(admin, password, "GET", "/api/v1/admin/users/" + enc(byEjb), null);
            assertEquals(200, read.statusCode(), read.body());
            assertTrue(read.body().contains("\"jid\":\"" + byEjb + "\""), read.body());

            assertEquals(201, http(admin, password, "POST", "/api/v1/admin/users",
                    "{\"jid\":\"" + byRest + "\",\"password\":\"pw\"}").statusCode());
            assertEquals(byRest, accounts.user(byRest).jid());
            assertEquals(200, http(admin, password, "PATCH", "/api/v1/admin/users/" + enc(byRest),
                    "{\"admin\":true}").statusCode());
            assertTrue(accounts.user(byRest).admin());

            // roster item: set with EJB, read with REST; set with REST, read with EJB
            rosters.setRosterItem(byEjb, byRest, "Rest Person", List.of("Friends"), "both");
            String items = http(admin, password, "GET", "/api/v1/users/" + enc(byEjb) + "/roster", null).body();
            assertTrue(items.contains("\"jid\":\"" + byRest + "\",\"name\":\"Rest Person\",\"groups\":[\"Friends\"],"
                    + "\"subscription\":\"both\""), items);
            assertEquals(200, http(admin, password, "PUT", "/api/v1/users/" + enc(byRest) + "/roster/" + enc(byEjb),
                    "{\"name\":\"Ejb Person\",\"subscription\":\"to\"}").statusCode());
            RosterItemInfo item = rosters.rosterItems(byRest).get(0);
            assertEquals(byEjb, item.jid());
            assertEquals("Ejb Person", item.name());
            assertEquals("to", item.subscription());
            assertTrue(rosters.removeRosterItem(byRest, byEjb));
            assertFalse(rosters.removeRosterItem(byRest, byEjb));
        } finally {
            accounts.deleteUser(byEjb);
            http(admin, password, "DELETE", "/api/v1/admin/users/" + enc(byRest), null);
        }
        assertEquals(ParleyException.Code.NOT_FOUND, code(() -> accounts.user(byRest)));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The REST API of the server this test runs in. */
    private static HttpResponse<String> http(String user, String password, String method, String path, String body)
            throws Exception {
        String base = "http://127.0.0.1:" + System.getProperty("parley.http.port", "18080");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
