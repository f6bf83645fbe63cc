package org.parley.it.bosh;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The operator REST API (docs/admin.md) as the bootstrap admin: accounts and the list of sessions. */
final class AdminApi {
    private static final Pattern SESSION = Pattern.compile("\\{[^{}]*\\}");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString(
            (RawBosh.ADMIN_JID + ":" + RawBosh.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    void createUser(String bareJid, String password) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/admin/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jid\":\"" + bareJid + "\",\"password\":\"" + password + "\"}")));
        if (r.statusCode() != 201) {
            throw new AssertionError("account " + bareJid + " not created: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    void deleteUser(String bareJid) throws Exception {
        send(HttpRequest.newBuilder(uri("/api/v1/admin/users/" + URLEncoder.encode(bareJid, StandardCharsets.UTF_8)))
                .DELETE());
    }

    /** The full JIDs of the bound sessions that use {@code transport} (e.g. "bosh"). */
    List<String> sessions(String transport) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/admin/sessions"))
                .header("Accept", "application/json").GET());
        if (r.statusCode() != 200) {
            throw new AssertionError("sessions: HTTP " + r.statusCode() + " " + r.body());
        }
        List<String> jids = new ArrayList<>();
        Matcher m = SESSION.matcher(r.body());
        while (m.find()) {
            String s = m.group();
            if (s.contains("\"transport\":\"" + transport + "\"")) {
                Matcher jid = Pattern.compile("\"jid\":\"([^\"]*)\"").matcher(s);
                if (jid.find()) {
                    jids.add(jid.group(1));
                }
            }
        }
        return jids;
    }

    /** Live BOSH sessions as /api/status counts them (bound or not). */
    int liveBoshSessions() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/status")).GET());
        Matcher m = Pattern.compile("\"boshSessions\"\\s*:\\s*(\\d+)").matcher(r.body());
        if (!m.find()) {
            throw new AssertionError("no boshSessions in " + r.body());
        }
        return Integer.parseInt(m.group(1));
    }

    private URI uri(String path) {
        return URI.create(RawBosh.BASE + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.header("Authorization", auth).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
