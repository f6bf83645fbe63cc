package org.parley.it.rest;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /api/metrics (Prometheus text), /api/health/live and ready, and the OpenAPI document: no credentials. */
class MetricsHealthIT {
    private final RestClient anonymous = RestClient.anonymous();

    @Test
    void metricsInThePrometheusTextFormat() throws Exception {
        HttpResponse<String> r = anonymous.get("/api/metrics");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        for (String line : new String[]{"parley_sessions{transport=\"tcp\"} ", "parley_logins_total ",
                "parley_stanzas_routed_total ", "parley_uptime_seconds ", "# TYPE parley_logins_total counter"}) {
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
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        HttpResponse<String> r = anonymous.get("/api/openapi");
        assertEquals(200, r.statusCode());
        for (String path : new String[]{"openapi: 3.", "/v1/hosts/{domain}:", "/v1/messages:",
                "/v1/users/{jid}/roster/{contact}:", "/v1/admin/users:", "/v1/tokens:", "/v1/admin/users/{jid}:",
                "    patch:", "/v1/admin/sessions/{jid}:", "name: user, in: query", "admin.jid",
                "/v1/prebind:"}) {
            assertTrue(r.body().contains(path), path);
        }
    }
}
