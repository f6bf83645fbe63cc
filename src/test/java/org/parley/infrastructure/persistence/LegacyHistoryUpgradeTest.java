package org.parley.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.infrastructure.persistence.legacy.LegacyMigrationRunner;

/** An H2 file database created by the pre-Flyway runner is upgraded in place. */
class LegacyHistoryUpgradeTest {

    @TempDir
    Path dir;

    private JdbcDataSource fileDb() {
        JdbcDataSource ds = new JdbcDataSource();
        // like the server's H2 datasource: a file, closed when the last connection closes
        ds.setURL("jdbc:h2:file:" + dir.resolve("parley") + ";NON_KEYWORDS=KEY,VALUE");
        ds.setUser("sa");
        return ds;
    }

    @Test
    void fullyMigratedOldDatabaseKeepsItsDataAndGetsChecksums() throws Exception {
        JdbcDataSource ds = fileDb();
        try (Connection c = ds.getConnection()) {
            new LegacyMigrationRunner().migrate(c);
            LegacyHistoryFixtures.insertData(c);
        }
        LegacyHistoryFixtures.assertUpgrades(ds, new MigrationRunner().scripts("h2"), List.of());
    }

    @Test
    void olderDatabaseIsConvertedThenGetsTheNewerScripts() throws Exception {
        JdbcDataSource ds = fileDb();
        try (Connection c = ds.getConnection()) {
            new LegacyMigrationRunner().migrate(c, 5);
            LegacyHistoryFixtures.insertData(c);
        }
        List<String> all = new MigrationRunner().scripts("h2");
        LegacyHistoryFixtures.assertUpgrades(ds, all, all.subList(5, all.size()));
    }

    @Test
    void changedDescriptionInTheOldHistoryIsRefused() throws Exception {
        JdbcDataSource ds = fileDb();
        try (Connection c = ds.getConnection()) {
            new LegacyMigrationRunner().migrate(c);
            c.createStatement().executeUpdate("UPDATE parley_schema_history SET description = 'other' "
                    + "WHERE version = 1");
        }
        SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                () -> new MigrationRunner().migrate(ds));
        assertTrue(e.getMessage().contains("was applied as 'other'"), e.getMessage());
        try (Connection c = ds.getConnection()) {
            assertTrue(LegacyHistory.tableExists(c, LegacyHistory.TABLE), "nothing converted");
            assertFalse(LegacyHistory.tableExists(c, MigrationRunner.HISTORY_TABLE));
        }
    }
}
