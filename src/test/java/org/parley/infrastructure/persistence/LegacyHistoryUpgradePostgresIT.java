package org.parley.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.parley.infrastructure.persistence.legacy.LegacyMigrationRunner;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL schema created by the pre-Flyway runner is upgraded in place. Runs in the PostgreSQL
 * test run (-Dparley.db=postgresql) against the test database, in a schema of its own that it drops again.
 */
@EnabledIfSystemProperty(named = "parley.db", matches = "postgresql")
class LegacyHistoryUpgradePostgresIT {

    private final String schema = "parley_upgrade_" + UUID.randomUUID().toString().substring(0, 8);
    private PGSimpleDataSource admin;
    private PGSimpleDataSource ds;

    @BeforeEach
    void createSchema() throws SQLException {
        admin = dataSource(null);
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        ds = dataSource(schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static PGSimpleDataSource dataSource(String currentSchema) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(System.getProperty("parley.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/test"));
        ds.setUser(System.getProperty("parley.db.user", "postgres"));
        ds.setPassword(System.getProperty("parley.db.password", "postgres"));
        if (currentSchema != null) {
            ds.setCurrentSchema(currentSchema);
        }
        return ds;
    }

    @Test
    void olderDatabaseIsConvertedThenGetsTheNewerScripts() throws Exception {
        try (Connection c = ds.getConnection()) {
            new LegacyMigrationRunner().migrate(c, 5);
            LegacyHistoryFixtures.insertData(c);
        }
        List<String> all = new MigrationRunner().scripts("postgresql");
        LegacyHistoryFixtures.assertUpgrades(ds, all, all.subList(5, all.size()));
    }

    @Test
    void twoServersStartingAtOnceConvertAndMigrateOnce() throws Exception {
        try (Connection c = ds.getConnection()) {
            new LegacyMigrationRunner().migrate(c, 5);
        }
        Callable<MigrationRunner.Result> start = () -> new MigrationRunner().migrate(ds);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<MigrationRunner.Result>> runs = pool.invokeAll(List.of(start, start));
            MigrationRunner.Result a = runs.get(0).get();
            MigrationRunner.Result b = runs.get(1).get();
            assertTrue(a.convertedLegacyHistory() ^ b.convertedLegacyHistory(), "converted exactly once");
            int newer = new MigrationRunner().scripts("postgresql").size() - 5;
            assertEquals(newer, a.applied().size() + b.applied().size(), "the scripts after V5 applied once");
        } finally {
            pool.shutdown();
        }
        try (Connection c = ds.getConnection()) {
            assertEquals(new MigrationRunner().scripts("postgresql").size(), MigrationRunner.appliedCount(c));
        }
    }

    @Test
    void fullyMigratedOldDatabaseKeepsItsDataAndGetsChecksums() throws Exception {
        try (Connection c = ds.getConnection()) {
            new LegacyMigrationRunner().migrate(c);
            LegacyHistoryFixtures.insertData(c);
        }
        LegacyHistoryFixtures.assertUpgrades(ds, new MigrationRunner().scripts("postgresql"), List.of());
    }
}
