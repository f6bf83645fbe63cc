package org.parley.it.console;

import org.parley.it.support.ItConfig;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like client of the console: its own cookie jar, no automatic redirects (the tests look at them),
 * Faces form posts with the view state of the page last read.
 */
final class ConsoleHttp {
    static final String BASE = System.getProperty("parley.base.url", "http://127.0.0.1:" + ItConfig.httpPort());
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    final CookieManager cookies = new CookieManager();
    private final String base;
    private final HttpClient http;

    ConsoleHttp() {
        this(BASE, HttpClient.newBuilder());
    }

    private ConsoleHttp(String base, HttpClient.Builder builder) {
        this.base = base;
        this.http = builder.cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The same over WildFly's HTTPS listener, trusting the certificate it presents first. */
    static ConsoleHttp https() {
        return new ConsoleHttp("https://" + ItConfig.host() + ":" + ItConfig.httpsPort(), HttpClient.newBuilder()
                .sslContext(PinnedHttpsCertificate.sslContext(ItConfig.host(), ItConfig.httpsPort())));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a Faces form of {@code page} (read first, for its view state); returns the answer. */
    HttpResponse<String> submit(String path, Map<String, String> fields) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("jakarta.faces.ViewState", viewState(get(path).body()));
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The login form of /login.xhtml (ids username, password, login). */
    HttpResponse<String> login(String user, String password) throws Exception {
        return submit("/login.xhtml", Map.of("login-form", "login-form", "username", user, "password", password,
                "login", "Log in"));
    }

    HttpResponse<String> logout() throws Exception {
        return submit("/admin/index.xhtml", Map.of("logout-form", "logout-form", "logout-form:logout", "Logout"));
    }

    /** The JSESSIONID in the jar, or null. */
    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Replaces the jar's session cookie (a stolen or fixed id). */
    void useSessionId(String id) {
        cookies.getCookieStore().removeAll();
        HttpCookie c = new HttpCookie("JSESSIONID", id);
        c.setPath("/");
        c.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), c);
    }

    static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no Faces view state in the page:\n" + html);
        }
        return m.group(1);
    }

    /** A new account through the REST admin API (HTTP Basic as the test admin). */
    static void createAccount(String jid, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((ItConfig.adminJid() + ":" + ItConfig.adminPassword())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/admin/users"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jid\":\"" + jid + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AssertionError("creating " + jid + ": " + r.statusCode() + " " + r.body());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
