package org.parley.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/** Shared steps of the upgrade tests on H2 and PostgreSQL. */
final class LegacyHistoryFixtures {

    private LegacyHistoryFixtures() {
    }

    /** A row the upgrade must keep (parley_setting exists since V1). */
    static void insertData(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO parley_setting (name, value) VALUES ('kept', 'yes')");
        }
    }

    /**
     * Runs the Flyway migrator on a database made by the old runner and checks: the old history is converted
     * (then dropped), {@code newer} scripts are applied, every script has a checksum, the data is still
     * there, Flyway validates the result, and a second run does nothing.
     */
    static void assertUpgrades(DataSource ds, List<String> all, List<String> newer) throws Exception {
        MigrationRunner.Result r = new MigrationRunner().migrate(ds);
        assertTrue(r.convertedLegacyHistory());
        assertEquals(newer, r.applied());
        assertEquals(all.size(), r.schemaVersion());
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            assertEquals(all.size(), MigrationRunner.appliedCount(c));
            assertFalse(LegacyHistory.tableExists(c, LegacyHistory.TABLE), "the old history is dropped");
            try (ResultSet rs = st.executeQuery("SELECT value FROM parley_setting WHERE name = 'kept'")) {
                assertTrue(rs.next());
                assertEquals("yes", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT \"script\", \"checksum\" FROM \"flyway_schema_history\" "
                    + "WHERE \"type\" = 'SQL' ORDER BY \"installed_rank\"")) {
                for (String script : all) {
                    assertTrue(rs.next());
                    assertEquals(script, rs.getString(1));
                    assertNotNull(rs.getObject(2), script + " has a checksum");
                }
                assertFalse(rs.next());
            }
        }
        Flyway flyway = Flyway.configure().dataSource(ds)
                .resourceProvider(IndexedScripts.load(LegacyHistoryFixtures.class.getClassLoader(), "db/migration",
                        MigrationRunner.dialect(ds.getConnection())))
                .javaMigrationClassProvider(List::of).load();
        flyway.validate();
        for (MigrationInfo i : flyway.info().applied()) {
            assertTrue(i.getState() == MigrationState.SUCCESS || i.getState() == MigrationState.BASELINE,
                    i.getScript() + " " + i.getState());
        }
        MigrationRunner.Result again = new MigrationRunner().migrate(ds);
        assertFalse(again.convertedLegacyHistory());
        assertEquals(List.of(), again.applied());
    }
}
