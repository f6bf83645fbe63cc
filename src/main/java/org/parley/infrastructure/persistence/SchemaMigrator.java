package org.parley.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings the database schema up to date when the application starts, before anything else uses it:
 * EJBs that touch the database declare {@code @DependsOn("SchemaMigrator")}. A failing migration fails
 * the deployment. See {@link MigrationRunner} for where scripts live and how Flyway runs them.
 */
@Startup
@Singleton(name = "SchemaMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    public static final String DATASOURCE = "java:jboss/datasources/ParleyDS";

    @Resource(lookup = DATASOURCE)
    private DataSource dataSource;

    private volatile String dialect;

    @PostConstruct
    void migrate() {
        try {
            MigrationRunner.Result r = new MigrationRunner().migrate(dataSource);
            dialect = r.dialect();
        } catch (SQLException | IOException | FlywayException e) {
            throw new IllegalStateException("Parley schema migration failed: " + e.getMessage(), e);
        }
    }

    /** {@code h2} or {@code postgresql}. */
    @Lock(LockType.READ)
    public String dialect() {
        return dialect;
    }

    /** Highest applied schema version, read from the database now (so it also proves the DB answers). */
    @Lock(LockType.READ)
    public int schemaVersion() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return MigrationRunner.currentVersion(c);
        }
    }

    /** Number of applied scripts in flyway_schema_history (equals {@link #schemaVersion()} when none is missing). */
    @Lock(LockType.READ)
    public int migrationsApplied() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return MigrationRunner.appliedCount(c);
        }
    }
}
