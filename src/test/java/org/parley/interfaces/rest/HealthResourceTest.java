package org.parley.interfaces.rest;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthResourceTest {
    private static HealthCheck check(HealthCheckResponse.Status status) {
        return () -> new HealthCheckResponse("c", status, Optional.empty());
    }

    @Test
    void upOnlyWhenEveryCheckIsUp() {
        assertTrue(HealthResource.allUp(List.of(check(HealthCheckResponse.Status.UP), check(HealthCheckResponse.Status.UP))));
        assertTrue(HealthResource.allUp(List.of()), "no checks: up, as MicroProfile Health answers");
        assertFalse(HealthResource.allUp(List.of(check(HealthCheckResponse.Status.UP),
                check(HealthCheckResponse.Status.DOWN))));
    }

    @Test
    void aCheckThatThrowsCountsAsDown() {
        HealthCheck broken = () -> {
            throw new IllegalStateException("no database");
        };
        assertFalse(HealthResource.allUp(List.of(broken)));
    }
}
