package org.parley.infrastructure.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Upgrades databases migrated by Parley's earlier, hand-written runner: it recorded each applied script in
 * {@code parley_schema_history (version, description, applied_at)}. Their rows become ordinary Flyway rows
 * (type SQL, the checksum of today's script, the original time), after a version-0 baseline row that creates
 * Flyway's table; then the old table is dropped. From then on Flyway verifies the checksums of those scripts
 * like any other. A half-done conversion (crash between the steps) is finished on the next start.
 */
final class LegacyHistory {

    static final String TABLE = "parley_schema_history";
    static final String BASELINE_DESCRIPTION = "converted from " + TABLE;

    private static final Logger LOG = Logger.getLogger(LegacyHistory.class.getName());

    private record Row(int version, String description, Timestamp appliedAt) {
    }

    private LegacyHistory() {
    }

    /** Converts the old history table if there is one; returns whether it did. */
    static boolean convertIfPresent(Connection c, Flyway flyway) throws SQLException {
        if (!tableExists(c, TABLE)) {
            return false;
        }
        List<Row> rows = read(c);
        Map<Integer, MigrationInfo> scripts = new HashMap<>();
        for (MigrationInfo i : flyway.info().all()) {
            if (i.getVersion() != null) {
                scripts.put(Integer.parseInt(i.getVersion().getVersion()), i);
            }
        }
        for (Row r : rows) {
            MigrationInfo script = scripts.get(r.version());
            if (script == null) {
                throw new SQLException(TABLE + " records schema version " + r.version()
                        + ", which this build has no script for: it is older than the database.");
            }
            if (!script.getDescription().equals(r.description())) {
                throw new SQLException("Schema version " + r.version() + " was applied as '" + r.description()
                        + "' but the script is now '" + script.getDescription() + "' (" + script.getScript()
                        + "). Did two branches use the same version number on one database?");
            }
        }
        if (!tableExists(c, MigrationRunner.HISTORY_TABLE)) {
            Flyway.configure(flyway.getConfiguration().getClassLoader())
                    .configuration(flyway.getConfiguration())
                    .baselineVersion("0")
                    .baselineDescription(BASELINE_DESCRIPTION)
                    .load()
                    .baseline();
        }
        copy(c, rows, scripts);
        LOG.info(() -> "Converted " + rows.size() + " row(s) of " + TABLE + " into Flyway's "
                + MigrationRunner.HISTORY_TABLE);
        return true;
    }

    private static void copy(Connection c, List<Row> rows, Map<Integer, MigrationInfo> scripts)
            throws SQLException {
        String history = "\"" + MigrationRunner.HISTORY_TABLE + "\"";
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement();
             PreparedStatement insert = c.prepareStatement("INSERT INTO " + history + " (\"installed_rank\", "
                     + "\"version\", \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", "
                     + "\"installed_on\", \"execution_time\", \"success\") VALUES (?, ?, ?, 'SQL', ?, ?, ?, ?, 0, "
                     + "TRUE)")) {
            Set<String> present = new HashSet<>();
            int rank = 0;
            try (ResultSet rs = st.executeQuery("SELECT \"installed_rank\", \"version\" FROM " + history)) {
                while (rs.next()) {
                    rank = Math.max(rank, rs.getInt(1));
                    present.add(rs.getString(2));
                }
            }
            for (Row r : rows) {
                if (present.contains(Integer.toString(r.version()))) {
                    continue;
                }
                MigrationInfo script = scripts.get(r.version());
                insert.setInt(1, ++rank);
                insert.setString(2, Integer.toString(r.version()));
                insert.setString(3, script.getDescription());
                insert.setString(4, script.getScript());
                insert.setObject(5, script.getChecksum());
                insert.setString(6, TABLE);
                insert.setTimestamp(7, r.appliedAt());
                insert.addBatch();
            }
            insert.executeBatch();
            st.execute("DROP TABLE " + TABLE);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static List<Row> read(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, description, applied_at FROM " + TABLE
                     + " ORDER BY version")) {
            while (rs.next()) {
                rows.add(new Row(rs.getInt(1), rs.getString(2), rs.getTimestamp(3)));
            }
        }
        return rows;
    }

    /** Whether the connection's current schema has the table (H2 folds unquoted names to upper case). */
    static boolean tableExists(Connection c, String name) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        for (String candidate : new String[] {name, name.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), candidate, new String[] {"TABLE"})) {
                while (rs.next()) {
                    if (rs.getString("TABLE_NAME").equals(candidate)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
