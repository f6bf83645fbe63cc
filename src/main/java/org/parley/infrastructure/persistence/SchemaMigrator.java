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

/**
 * Brings the database schema up to date when the application starts, before anything else uses it:
 * EJBs that touch the database declare {@code @DependsOn("SchemaMigrator")}. A failing migration fails
 * the deployment. See {@link MigrationRunner} for where scripts live.
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
        try (Connection c = dataSource.getConnection()) {
            MigrationRunner.Result r = new MigrationRunner().migrate(c);
            dialect = r.dialect();
        } catch (SQLException | IOException e) {
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

    /** Number of rows in parley_schema_history (equals {@link #schemaVersion()} when none is missing). */
    @Lock(LockType.READ)
    public int migrationsApplied() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return MigrationRunner.appliedCount(c);
        }
    }
}
