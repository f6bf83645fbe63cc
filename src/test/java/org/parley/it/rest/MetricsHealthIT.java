package org.parley.it.rest;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /api/metrics (Prometheus text), /api/health/live and ready, the OpenAPI document: no credentials. Also the
 * management interface's MicroProfile Health (/health/*) and Micrometer Prometheus (/metrics) endpoints.
 */
class MetricsHealthIT {
    private static final String MGMT = "http://127.0.0.1:" + System.getProperty("parley.mgmt.port", "19990");
    private final RestClient anonymous = RestClient.anonymous();

    @Test
    void metricsInThePrometheusTextFormat() throws Exception {
        HttpResponse<String> r = anonymous.get("/api/metrics");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        for (String line : new String[]{"parley_sessions{transport=\"tcp\"} ", "parley_logins_total ",
                "parley_stanzas_routed_total ", "parley_sessions_opened_total ", "parley_sessions_closed_total ",
                "parley_uptime_seconds ", "# TYPE parley_logins_total counter"}) {
            assertTrue(r.body().contains(line), line + " in " + r.body());
        }
    }

    @Test
    void healthProbes() throws Exception {
        HttpResponse<String> live = anonymous.get("/api/health/live");
        assertEquals(200, live.statusCode());
        assertEquals("{\"status\":\"UP\"}", live.body());
        HttpResponse<String> ready = anonymous.get("/api/health/ready");
        assertEquals(200, ready.statusCode());
        assertEquals("{\"status\":\"UP\"}", ready.body());
    }

    @Test
    void theManagementInterfaceServesParleysHealthChecks() throws Exception {
        HttpResponse<String> ready = get(MGMT + "/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        String body = ready.body().replace(" ", "");
        assertTrue(body.contains("\"name\":\"database\""), body);
        assertTrue(body.contains("\"name\":\"xmpp-listeners\""), body);
        assertTrue(body.contains("\"127.0.0.1:" + System.getProperty("parley.c2s.port", "15222") + "\":\"open\""),
                body);
        HttpResponse<String> live = get(MGMT + "/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertTrue(live.body().replace(" ", "").contains("\"name\":\"xmpp-listeners\""), live.body());
    }

    @Test
    void theManagementInterfaceServesParleysCountersInThePrometheusFormat() throws Exception {
        HttpResponse<String> r = get(MGMT + "/metrics");
        assertEquals(200, r.statusCode(), r.body());
        for (String name : new String[]{"parley_logins_total", "parley_sessions_opened_total",
                "parley_sessions_closed_total", "parley_stanzas_routed_total", "parley_uptime_seconds",
                "# TYPE parley_sessions gauge"}) {
            assertTrue(r.body().contains(name), name + " in /metrics");
        }
        assertTrue(r.body().lines().anyMatch(l -> l.startsWith("parley_sessions{") && l.contains("transport=\"tcp\"")),
                "parley_sessions{transport=\"tcp\"} in /metrics");
    }

    @Test
    void theOpenApiDocumentIsGeneratedFromTheResources() throws Exception {
        HttpResponse<String> r = anonymous.get("/api/openapi");
        assertEquals(200, r.statusCode());
        for (String part : new String[]{"openapi: 3.", "title: Parley REST API", "/api/v1/hosts/{domain}:",
                "/api/v1/messages:", "/api/v1/users/{jid}/roster/{contact}:", "/api/v1/admin/users:",
                "/api/v1/tokens:", "/api/v1/admin/users/{jid}:", "    patch:", "/api/v1/admin/sessions/{jid}:",
                "/api/v1/prebind:", "/api/v1/credentials", "X-API-Key", "Error:"}) {
            assertTrue(r.body().contains(part), part);
        }
        HttpResponse<String> json = anonymous.get("/api/openapi?format=JSON");
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(json.body().trim().startsWith("{") && json.body().contains("\"/api/v1/credentials\""), json.body());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
