package org.parley.infrastructure.persistence;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database up to date with Flyway (no container needed, so it is unit-testable).
 *
 * <p>Scripts live on the classpath at {@code db/migration/<dialect>/V<n>__<name>.sql} (the build copies
 * the top-level {@code sql/} folder there), {@code <dialect>} = {@code h2} or {@code postgresql}; Flyway gets
 * exactly those named in the folder's {@code index.txt} ({@link IndexedScripts}) and never scans. Each
 * pending script runs in its own transaction; Flyway records it with its checksum in
 * {@code flyway_schema_history} and refuses to start when an applied script has changed. A history kept by
 * Parley's earlier runner is converted first ({@link LegacyHistory}).</p>
 *
 * <p>On PostgreSQL a session advisory lock (the earlier runner's key) serialises whole runs, conversion
 * included, of several servers starting on one database; Flyway also locks its own table.</p>
 */
public final class MigrationRunner {

    public static final String HISTORY_TABLE = "flyway_schema_history";

    private static final Logger LOG = Logger.getLogger(MigrationRunner.class.getName());
    private static final long PG_LOCK_KEY = 0x706172_6C6579L;

    /** What {@link #migrate(DataSource)} did: scripts applied now (file names) and whether it converted. */
    public record Result(String dialect, int schemaVersion, List<String> applied, boolean convertedLegacyHistory) {
    }

    private final ClassLoader loader;
    private final String basePath;

    public MigrationRunner(ClassLoader loader, String basePath) {
        this.loader = Objects.requireNonNull(loader);
        this.basePath = basePath;
    }

    /** Runner over {@code db/migration/} of the class loader that loaded this class. */
    public MigrationRunner() {
        this(MigrationRunner.class.getClassLoader(), "db/migration/");
    }

    /** {@code h2} or {@code postgresql}, from the JDBC metadata. */
    public static String dialect(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String product = md.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return "h2";
        }
        if (product.contains("postgres")) {
            return "postgresql";
        }
        throw new SQLException("Unsupported database for Parley: " + md.getDatabaseProductName());
    }

    /** Script file names of a dialect, as its index.txt lists them. */
    public List<String> scripts(String dialect) throws IOException {
        return IndexedScripts.load(loader, basePath, dialect).names();
    }

    /** Brings the database up to date; returns what was applied. Flyway errors are {@code FlywayException}s. */
    public Result migrate(DataSource dataSource) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            String dialect = dialect(c);
            Flyway flyway = flyway(dataSource, IndexedScripts.load(loader, basePath, dialect));
            boolean pg = "postgresql".equals(dialect);
            if (pg) {
                advisoryLock(c, "pg_advisory_lock");
            }
            try {
                boolean converted = LegacyHistory.convertIfPresent(c, flyway);
                MigrateResult r = flyway.migrate();
                List<String> applied = r.migrations.stream().map(m -> m.filepath)
                        .map(p -> p.substring(p.lastIndexOf('/') + 1)).toList();
                int version = currentVersion(c);
                LOG.info(() -> "Parley schema on " + dialect + " at version " + version + " (" + applied.size()
                        + " migration(s) applied now)");
                return new Result(dialect, version, applied, converted);
            } finally {
                if (pg) {
                    try {
                        advisoryLock(c, "pg_advisory_unlock");
                    } catch (SQLException e) {
                        LOG.log(Level.WARNING, "Could not release the migration lock", e);
                    }
                }
            }
        }
    }

    private Flyway flyway(DataSource dataSource, IndexedScripts scripts) {
        return Flyway.configure(loader)
                .dataSource(dataSource)
                .resourceProvider(scripts)
                // no Java migrations: with both providers given, Flyway creates no classpath scanner
                .javaMigrationClassProvider(List::of)
                .validateMigrationNaming(true)
                .load();
    }

    private static void advisoryLock(Connection c, String function) throws SQLException {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT " + function + "(" + PG_LOCK_KEY + ")");
        }
    }

    /** Highest applied schema version, 0 if none; fails if Flyway's history table does not exist. */
    public static int currentVersion(Connection c) throws SQLException {
        int max = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(APPLIED)) {
            while (rs.next()) {
                max = Math.max(max, Integer.parseInt(rs.getString(1)));
            }
        }
        return max;
    }

    /** Number of applied versioned scripts (the conversion's baseline row does not count). */
    public static int appliedCount(Connection c) throws SQLException {
        int n = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(APPLIED)) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    private static final String APPLIED = "SELECT \"version\" FROM \"" + HISTORY_TABLE + "\" WHERE \"success\" "
            + "AND \"type\" <> 'BASELINE' AND \"version\" IS NOT NULL";
}
