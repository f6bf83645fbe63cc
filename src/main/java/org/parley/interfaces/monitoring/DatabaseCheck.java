package org.parley.interfaces.monitoring;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Readiness: ParleyDS hands out a connection that answers within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(DatabaseCheck.class.getName());
    static final String NAME = "database";

    @Resource(lookup = "java:jboss/datasources/ParleyDS")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        return check(dataSource);
    }

    // The constructor, not HealthCheckResponse.named(): the builder needs the server's provider (unit tests).
    private static HealthCheckResponse response(boolean up, Map<String, Object> data) {
        return new HealthCheckResponse(NAME, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data));
    }

    static HealthCheckResponse check(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(2);
            return response(valid, Map.of("product", c.getMetaData().getDatabaseProductName()));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Readiness: the database does not answer", e);
            return response(false, Map.of("error", String.valueOf(e.getMessage())));
        }
    }
}
