package org.parley.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the real sql/h2 scripts (db/migration/h2 on the test classpath) through Flyway on an in-memory H2. */
class MigrationRunnerTest {

    private JdbcDataSource ds;
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        ds = new JdbcDataSource();
        // same settings as the H2 datasource of wildfly/configure.cli
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=KEY,VALUE");
        ds.setUser("sa");
        c = ds.getConnection();
    }

    @AfterEach
    void close() throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        }
        c.close();
    }

    @Test
    void appliesTheListedScriptsOnceAndRecordsTheirChecksums() throws Exception {
        MigrationRunner runner = new MigrationRunner();
        List<String> all = runner.scripts("h2");
        assertEquals("V1__baseline.sql", all.get(0));

        MigrationRunner.Result first = runner.migrate(ds);
        assertEquals("h2", first.dialect());
        assertEquals(all, first.applied());
        assertFalse(first.convertedLegacyHistory());
        assertEquals(all.size(), first.schemaVersion());
        assertEquals(all.size(), MigrationRunner.appliedCount(c));

        try (Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO parley_setting (name, value) VALUES ('k', 'v')");
            try (ResultSet rs = st.executeQuery("SELECT \"description\", \"script\", \"checksum\" FROM "
                    + "\"flyway_schema_history\" WHERE \"version\" = '1'")) {
                assertTrue(rs.next());
                assertEquals("baseline", rs.getString(1));
                assertEquals("V1__baseline.sql", rs.getString(2));
                assertNotNull(rs.getObject(3), "Flyway records a checksum of each applied script");
            }
        }

        MigrationRunner.Result second = runner.migrate(ds);
        assertEquals(List.of(), second.applied());
        assertEquals(first.schemaVersion(), second.schemaVersion());
    }

    @Test
    void bothDialectsListTheSameVersions() throws Exception {
        MigrationRunner runner = new MigrationRunner();
        assertEquals(runner.scripts("h2"), runner.scripts("postgresql"));
    }

    @Test
    void failedScriptIsRolledBackAndNotRecorded() throws Exception {
        // src/test/resources/migrationtest/h2: V1 ok, V2 fails half-way
        MigrationRunner runner = new MigrationRunner(getClass().getClassLoader(), "migrationtest");
        FlywayException e = assertThrows(FlywayException.class, () -> runner.migrate(ds));
        assertTrue(e.getMessage().contains("V2__broken.sql"), e.getMessage());
        assertEquals(1, MigrationRunner.currentVersion(c));
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM mt_one")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1), "the INSERT of the failed V2 must be rolled back");
        }
    }

    @Test
    void changedScriptOfAnAppliedVersionIsRefused() throws Exception {
        new MigrationRunner().migrate(ds);
        try (Statement st = c.createStatement()) {
            // as if V1__baseline.sql had been edited after it was applied
            st.executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 "
                    + "WHERE \"version\" = '1'");
        }
        FlywayException e = assertThrows(FlywayException.class, () -> new MigrationRunner().migrate(ds));
        assertTrue(e.getMessage().toLowerCase().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void onlyTheScriptsOfTheIndexAreOffered() throws Exception {
        IndexedScripts scripts = IndexedScripts.load(getClass().getClassLoader(), "migrationtest", "h2");
        assertEquals(List.of("V1__first.sql", "V2__broken.sql"), scripts.names());
        assertEquals(2, scripts.getResources("V", new String[] {".sql"}).size());
        assertEquals(0, scripts.getResources("beforeMigrate", new String[] {".sql"}).size());
        assertEquals("V1__first.sql", scripts.getResource("V1__first.sql").getFilename());
    }
}
