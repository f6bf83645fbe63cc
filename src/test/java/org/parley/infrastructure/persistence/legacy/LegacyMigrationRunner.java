package org.parley.infrastructure.persistence.legacy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test fixture: the hand-written migration runner that Parley used before Flyway, kept unchanged (apart from
 * {@link #migrate(Connection, int)}) so tests can create databases exactly as older Parley did and check that
 * {@code SchemaMigrator} upgrades them in place.
 *
 * <p>Applies versioned SQL scripts with plain JDBC (no container needed, so it is unit-testable).
 *
 * <p>Scripts live on the classpath at {@code db/migration/<dialect>/V<n>__<name>.sql} (the build copies
 * the top-level {@code sql/} folder there), with {@code <dialect>} = {@code h2} or {@code postgresql}.
 * Classpath directories cannot be listed reliably inside WildFly, so each dialect folder has an
 * {@code index.txt} naming its scripts, one per line ({@code #} starts a comment). Each pending script
 * runs in its own transaction together with its row in {@code parley_schema_history}.</p>
 */
public final class LegacyMigrationRunner {

    public static final String HISTORY_TABLE = "parley_schema_history";

    private static final Logger LOG = Logger.getLogger(LegacyMigrationRunner.class.getName());
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_\\-]+)\\.sql");
    /** Serialises concurrent migrators on one PostgreSQL database (arbitrary constant). */
    private static final long PG_LOCK_KEY = 0x706172_6C6579L;

    /** One script listed in index.txt. */
    public record Migration(int version, String description, String resource) {
    }

    /** What {@link #migrate(Connection)} did. */
    public record Result(String dialect, int schemaVersion, List<Migration> applied) {
    }

    private final ClassLoader loader;
    private final String basePath;

    public LegacyMigrationRunner(ClassLoader loader, String basePath) {
        this.loader = Objects.requireNonNull(loader);
        this.basePath = basePath.endsWith("/") ? basePath : basePath + "/";
    }

    /** Runner over {@code db/migration/} of the class loader that loaded this class. */
    public LegacyMigrationRunner() {
        this(LegacyMigrationRunner.class.getClassLoader(), "db/migration/");
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

    /** Scripts of a dialect in version order, as listed by its index.txt. */
    public List<Migration> migrations(String dialect) throws IOException {
        String dir = basePath + dialect + "/";
        String index = read(dir + "index.txt");
        List<Migration> list = new ArrayList<>();
        Map<Integer, String> seen = new HashMap<>();
        for (String raw : index.split("\\R")) {
            String line = raw.strip();
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = NAME.matcher(line);
            if (!m.matches()) {
                throw new IOException(dir + "index.txt: '" + line + "' is not named V<n>__<name>.sql");
            }
            int version = Integer.parseInt(m.group(1));
            String previous = seen.put(version, line);
            if (previous != null) {
                throw new IOException(dir + "index.txt: version " + version + " used twice (" + previous
                        + ", " + line + ")");
            }
            list.add(new Migration(version, m.group(2).replace('_', ' '), dir + line));
        }
        list.sort(Comparator.comparingInt(Migration::version));
        return list;
    }

    /** Brings the database up to date; returns what was applied. Leaves auto-commit as it found it. */
    public Result migrate(Connection c) throws SQLException, IOException {
        return migrate(c, Integer.MAX_VALUE);
    }

    /** Like {@link #migrate(Connection)} but stops after version {@code upTo} (an older Parley release). */
    public Result migrate(Connection c, int upTo) throws SQLException, IOException {
        String dialect = dialect(c);
        List<Migration> all = new ArrayList<>(migrations(dialect));
        all.removeIf(m -> m.version() > upTo);
        boolean autoCommit = c.getAutoCommit();
        boolean pg = "postgresql".equals(dialect);
        try {
            c.setAutoCommit(true);
            if (pg) {
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT pg_advisory_lock(" + PG_LOCK_KEY + ")");
                }
            }
            try {
                return migrate(c, dialect, all);
            } finally {
                if (pg) {
                    try (Statement st = c.createStatement()) {
                        c.setAutoCommit(true);
                        st.execute("SELECT pg_advisory_unlock(" + PG_LOCK_KEY + ")");
                    } catch (SQLException e) {
                        LOG.log(Level.WARNING, "Could not release the migration lock", e);
                    }
                }
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private Result migrate(Connection c, String dialect, List<Migration> all) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " ("
                    + "version INTEGER NOT NULL PRIMARY KEY, "
                    + "description VARCHAR(200) NOT NULL, "
                    + "applied_at TIMESTAMP NOT NULL)");
        }
        Map<Integer, String> done = applied(c);
        List<Migration> applied = new ArrayList<>();
        for (Migration m : all) {
            String had = done.remove(m.version());
            if (had != null) {
                if (!had.equals(m.description())) {
                    throw new SQLException("Schema version " + m.version() + " was applied as '" + had
                            + "' but the script is now '" + m.description() + "' (" + m.resource()
                            + "). Did two branches use the same version number on one database?");
                }
                continue;
            }
            apply(c, m);
            applied.add(m);
        }
        if (!done.isEmpty()) {
            LOG.warning("Database has schema versions this build does not know: " + done.keySet());
        }
        int version = currentVersion(c);
        LOG.info(() -> "Parley schema on " + dialect + " at version " + version + " (" + applied.size()
                + " migration(s) applied now)");
        return new Result(dialect, version, applied);
    }

    private void apply(Connection c, Migration m) throws SQLException, IOException {
        List<String> statements = SqlScript.split(read(m.resource()));
        LOG.info(() -> "Applying " + m.resource() + " (" + statements.size() + " statement(s))");
        c.setAutoCommit(false);
        try {
            try (Statement st = c.createStatement()) {
                for (String sql : statements) {
                    try {
                        st.execute(sql);
                    } catch (SQLException e) {
                        throw new SQLException("Migration " + m.resource() + " failed at: " + sql + " : "
                                + e.getMessage(), e.getSQLState(), e);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + HISTORY_TABLE
                    + " (version, description, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                ps.setInt(1, m.version());
                ps.setString(2, m.description());
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            LOG.log(Level.SEVERE, "Migration " + m.resource() + " rolled back", e);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static Map<Integer, String> applied(Connection c) throws SQLException {
        Map<Integer, String> done = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, description FROM " + HISTORY_TABLE)) {
            while (rs.next()) {
                done.put(rs.getInt(1), rs.getString(2));
            }
        }
        return done;
    }

    /** Highest applied version, 0 if none; fails if the history table does not exist. */
    public static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM " + HISTORY_TABLE)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Number of applied migrations. */
    public static int appliedCount(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + HISTORY_TABLE)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private String read(String resource) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
