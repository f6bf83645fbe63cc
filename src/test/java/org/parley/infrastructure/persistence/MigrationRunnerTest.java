package org.parley.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the real sql/h2 scripts (db/migration/h2 on the test classpath) on an in-memory H2. */
class MigrationRunnerTest {

    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        // same settings as the H2 datasource of wildfly/configure.cli
        c = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=KEY,VALUE", "sa", "");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void appliesTheProjectScriptsOnceAndRecordsThem() throws Exception {
        MigrationRunner runner = new MigrationRunner();
        List<MigrationRunner.Migration> all = runner.migrations("h2");
        assertEquals(1, all.get(0).version());
        assertEquals("baseline", all.get(0).description());

        MigrationRunner.Result first = runner.migrate(c);
        assertEquals("h2", first.dialect());
        assertEquals(all.size(), first.applied().size());
        assertEquals(all.get(all.size() - 1).version(), first.schemaVersion());
        assertTrue(c.getAutoCommit());

        try (Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO parley_setting (name, value) VALUES ('k', 'v')");
            try (ResultSet rs = st.executeQuery("SELECT version, description, applied_at FROM "
                    + "parley_schema_history WHERE version = 1")) {
                assertTrue(rs.next());
                assertEquals("baseline", rs.getString(2));
                assertTrue(rs.getTimestamp(3) != null);
            }
        }

        MigrationRunner.Result second = runner.migrate(c);
        assertEquals(0, second.applied().size());
        assertEquals(first.schemaVersion(), second.schemaVersion());
    }

    @Test
    void bothDialectsListTheSameVersions() throws Exception {
        MigrationRunner runner = new MigrationRunner();
        assertEquals(runner.migrations("h2").stream().map(MigrationRunner.Migration::version).toList(),
                runner.migrations("postgresql").stream().map(MigrationRunner.Migration::version).toList());
    }

    @Test
    void failedScriptIsRolledBackAndNotRecorded() throws Exception {
        // src/test/resources/migrationtest/h2: V1 ok, V2 fails half-way
        MigrationRunner runner = new MigrationRunner(getClass().getClassLoader(), "migrationtest");
        SQLException e = assertThrows(SQLException.class, () -> runner.migrate(c));
        assertTrue(e.getMessage().contains("V2__broken.sql"), e.getMessage());
        assertEquals(1, MigrationRunner.currentVersion(c));
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM mt_one")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1), "the INSERT of the failed V2 must be rolled back");
        }
    }

    @Test
    void changedDescriptionOfAnAppliedVersionIsRefused() throws Exception {
        new MigrationRunner().migrate(c);
        try (Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE parley_schema_history SET description = 'other' WHERE version = 1");
        }
        SQLException e = assertThrows(SQLException.class, () -> new MigrationRunner().migrate(c));
        assertTrue(e.getMessage().contains("was applied as 'other'"), e.getMessage());
    }
}
