package org.parley.interfaces.monitoring;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DatabaseCheckTest {

    @Test
    void upWhenTheDatabaseAnswers() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:dbcheck");
        HealthCheckResponse r = DatabaseCheck.check(ds);
        assertEquals(HealthCheckResponse.Status.UP, r.getStatus());
        assertEquals("H2", r.getData().orElseThrow().get("product"));
    }

    @Test
    void downWhenNoConnectionCanBeHad(@TempDir Path dir) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:" + dir.resolve("missing") + ";IFEXISTS=TRUE");
        assertEquals(HealthCheckResponse.Status.DOWN, DatabaseCheck.check(ds).getStatus());
    }
}
