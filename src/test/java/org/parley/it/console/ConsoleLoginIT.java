package org.parley.it.console;

import org.junit.jupiter.api.Test;
import org.parley.it.support.ItConfig;
import org.parley.it.support.TestAccounts;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web login of the admin console (Jakarta Security, /login.xhtml) as a browser meets it over HTTP: redirects,
 * session cookie, session id change, roles, logout, and GET /api/v1/credentials for the logged-in user.
 */
class ConsoleLoginIT {

    @Test
    void unauthenticatedConsoleRequestGoesToTheLoginPage() throws Exception {
        HttpResponse<String> r = new ConsoleHttp().get("/admin/users.xhtml");
        assertEquals(302, r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"), r.headers().toString());
    }

    @Test
    void adminLogsInWithANewSessionIdAndLogsOut() throws Exception {
        ConsoleHttp browser = new ConsoleHttp();
        HttpResponse<String> page = browser.get("/login.xhtml");
        String setCookie = page.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"), setCookie);
        String before = browser.sessionId();
        assertNotNull(before);

        HttpResponse<String> login = browser.login(ItConfig.adminJid(), ItConfig.adminPassword());
        assertEquals(302, login.statusCode(), login.body());
        assertTrue(login.headers().firstValue("Location").orElse("").endsWith("/admin/index.xhtml"));
        String after = browser.sessionId();
        assertNotEquals(before, after, "the session id must change at login (fixation)");

        HttpResponse<String> dashboard = browser.get("/admin/index.xhtml");
        assertEquals(200, dashboard.statusCode());
        assertTrue(dashboard.body().contains("Online sessions") && dashboard.body().contains(ItConfig.adminJid()));

        ConsoleHttp attacker = new ConsoleHttp();
        attacker.useSessionId(before);
        assertEquals(302, attacker.get("/admin/index.xhtml").statusCode(), "the pre-login session id is worthless");

        HttpResponse<String> logout = browser.logout();
        assertEquals(302, logout.statusCode());
        assertTrue(logout.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));
        assertEquals(302, browser.get("/admin/index.xhtml").statusCode());
        ConsoleHttp replay = new ConsoleHttp();
        replay.useSessionId(after);
        assertEquals(302, replay.get("/admin/index.xhtml").statusCode(), "logout ends the session");
        assertEquals(401, replay.get("/api/v1/credentials").statusCode());
    }

    /** The session cookie carries Secure when the browser came over HTTPS, and only then (it would be lost). */
    @Test
    void theSessionCookieIsSecureOverHttpsOnly() throws Exception {
        ConsoleHttp https = ConsoleHttp.https();
        assertTrue(isSecure(sessionCookie(https.get("/login.xhtml"))), "over HTTPS, before the login");
        HttpResponse<String> login = https.login(ItConfig.adminJid(), ItConfig.adminPassword());
        assertEquals(302, login.statusCode(), login.body());
        String afterLogin = sessionCookie(login);
        assertTrue(isSecure(afterLogin) && afterLogin.contains("HttpOnly") && afterLogin.contains("SameSite=Lax"),
                afterLogin);
        assertEquals(200, https.get("/admin/index.xhtml").statusCode(), "the secure cookie works over HTTPS");

        ConsoleHttp http = new ConsoleHttp();
        assertFalse(isSecure(sessionCookie(http.get("/login.xhtml"))), "over HTTP, before the login");
        HttpResponse<String> plainLogin = http.login(ItConfig.adminJid(), ItConfig.adminPassword());
        assertEquals(302, plainLogin.statusCode());
        assertFalse(isSecure(sessionCookie(plainLogin)), "over HTTP a Secure cookie would never come back");
        assertEquals(200, http.get("/admin/index.xhtml").statusCode());
    }

    private static String sessionCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no JSESSIONID cookie: " + r.headers()));
    }

    private static boolean isSecure(String setCookie) {
        return java.util.Arrays.stream(setCookie.split(";")).anyMatch(a -> a.trim().equalsIgnoreCase("secure"));
    }

    @Test
    void aBareLocalPartMeansTheDefaultDomain() throws Exception {
        ConsoleHttp browser = new ConsoleHttp();
        assertEquals(302, browser.login(ItConfig.adminUsername(), ItConfig.adminPassword()).statusCode());
        assertEquals(200, browser.get("/admin/sessions.xhtml").statusCode());
    }

    @Test
    void wrongPasswordShowsTheLoginError() throws Exception {
        ConsoleHttp browser = new ConsoleHttp();
        HttpResponse<String> r = browser.login(ItConfig.adminJid(), "not-the-password");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("id=\"login-error\"") && r.body().contains("Wrong user name or password"),
                r.body());
        assertEquals(302, browser.get("/admin/index.xhtml").statusCode());
    }

    @Test
    void userWithoutAdminFlagGets403AndItsCredentials() throws Exception {
        String jid = "web-" + TestAccounts.RUN_ID + "-" + System.nanoTime() % 100000 + "@" + ItConfig.domain();
        ConsoleHttp.createAccount(jid, "user-password-1");
        ConsoleHttp browser = new ConsoleHttp();
        assertEquals(302, browser.login(jid, "user-password-1").statusCode());

        HttpResponse<String> admin = browser.get("/admin/index.xhtml");
        assertEquals(403, admin.statusCode());
        assertTrue(admin.body().contains("Not an administrator"), admin.body());
        assertFalse(admin.body().contains("Exception"));

        HttpResponse<String> credentials = browser.get("/api/v1/credentials");
        assertEquals(200, credentials.statusCode(), credentials.body());
        assertTrue(credentials.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertTrue(credentials.body().contains("\"jid\":\"" + jid + "\""), credentials.body());
        assertTrue(credentials.body().matches(".*\"password\":\"[^\"]{16,}\".*"), credentials.body());
        String second = browser.get("/api/v1/credentials").body();
        assertNotEquals(credentials.body(), second, "every call issues a fresh token");
    }

    /** A new login replaces the session's earlier one; a failed one ends it. */
    @Test
    void aNewLoginReplacesTheEarlierOne() throws Exception {
        String jid = "switch-" + TestAccounts.RUN_ID + "-" + System.nanoTime() % 100000 + "@" + ItConfig.domain();
        ConsoleHttp.createAccount(jid, "user-password-2");
        ConsoleHttp browser = new ConsoleHttp();
        assertEquals(302, browser.login(jid, "user-password-2").statusCode());
        assertEquals(403, browser.get("/admin/index.xhtml").statusCode());
        assertEquals(302, browser.login(ItConfig.adminJid(), ItConfig.adminPassword()).statusCode());
        assertEquals(200, browser.get("/admin/index.xhtml").statusCode(), "now the admin");
        HttpResponse<String> wrong = browser.login(ItConfig.adminJid(), "wrong-password");
        assertEquals(200, wrong.statusCode());
        assertTrue(wrong.body().contains("id=\"login-error\""), wrong.body());
        assertEquals(302, browser.get("/admin/index.xhtml").statusCode(), "a failed login ends the earlier one");
    }

    @Test
    void credentialsWithoutLoginAre401Json() throws Exception {
        HttpResponse<String> r = new ConsoleHttp().get("/api/v1/credentials");
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(r.body().contains("\"error\""), r.body());
        assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    }

    /** The web login must leave the other HTTP interfaces alone: no redirect to the login page. */
    @Test
    void otherInterfacesAreNotSentToTheLoginPage() throws Exception {
        ConsoleHttp anonymous = new ConsoleHttp();
        for (String path : new String[]{"/api/status", "/.well-known/host-meta", "/chat/", "/http-bind",
                "/xmpp-websocket", "/api/v1/admin/sessions"}) {
            HttpResponse<String> r = anonymous.get(path);
            String location = r.headers().firstValue("Location").orElse("");
            assertFalse(location.contains("login.xhtml"), path + " redirected to " + location);
        }
        assertEquals(401, anonymous.get("/api/v1/admin/sessions").statusCode(), "the REST API keeps Basic auth");
        assertEquals(200, anonymous.get("/chat/").statusCode(), "the web chat's page");
        assertEquals(200, anonymous.get("/api/status").statusCode());
    }
}
