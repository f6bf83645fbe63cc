package org.parley.infrastructure.persistence;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.parley.application.HostSettingCatalog;
import org.parley.feature.announce.AnnounceSettings;
import org.parley.feature.offline.OfflineSettings;
import org.parley.feature.presence.SubscriptionSettings;
import org.parley.feature.register.RegistrationSettings;
import org.parley.xmpp.core.StreamSettings;
import org.parley.xmpp.spi.HostSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parley.infrastructure.persistence.legacy.SqlScript;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V8 moves the host settings of a database made by V1-V7 into parley_host_setting, under the names of the
 * setting catalog, and drops the old columns (muc_enabled and federation_enabled with them), on both dialects.
 */
class HostSettingsMigrationTest {

    @Test
    void h2() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=KEY,VALUE", "sa", "")) {
            migratesTheColumnValues(c, "h2");
        }
    }

    @Test
    void postgresql() throws Exception {
        String schema = "parley_v8_" + UUID.randomUUID().toString().substring(0, 8);
        Connection admin;
        try {
            admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "postgres");
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL is not running at 127.0.0.1:5432: " + e.getMessage());
            return;
        }
        try (admin) {
            exec(admin, "CREATE SCHEMA " + schema);
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test?currentSchema="
                    + schema, "postgres", "postgres")) {
                migratesTheColumnValues(c, "postgresql");
            } finally {
                exec(admin, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void migratesTheColumnValues(Connection c, String dialect) throws Exception {
        List<String> scripts = Files.readAllLines(Path.of("sql", dialect, "index.txt")).stream()
                .map(String::strip).filter(l -> l.startsWith("V")).toList();
        assertEquals("V8__host_settings.sql", scripts.get(7));
        for (String script : scripts.subList(0, 7)) {
            run(c, dialect, script);
        }
        exec(c, "INSERT INTO parley_host VALUES ('a.example', 'REQUIRED', TRUE, FALSE, FALSE, TRUE, 7, 4096, 'hello')");
        exec(c, "INSERT INTO parley_host VALUES ('b.example', 'OPTIONAL', FALSE, TRUE, TRUE, FALSE, 100, 262144, NULL)");
        run(c, dialect, scripts.get(7));

        HostSettings a = HostSettingCatalog.load("a.example", stored(c, "a.example"));
        assertEquals(HostSettings.TlsMode.REQUIRED, a.get(StreamSettings.TLS_MODE));
        assertTrue(a.get(RegistrationSettings.REGISTRATION_ENABLED));
        assertFalse(a.get(SubscriptionSettings.AUTO_APPROVE));
        assertEquals(7, a.get(OfflineSettings.MAX_OFFLINE_MESSAGES));
        assertEquals(4096, a.get(StreamSettings.MAX_STANZA_BYTES));
        assertEquals("hello", a.get(AnnounceSettings.MOTD));
        Map<String, String> b = stored(c, "b.example");
        assertEquals(Map.of("tlsMode", "OPTIONAL", "registrationEnabled", "false", "autoApprove", "true",
                "maxOfflineMessages", "100", "maxStanzaBytes", "262144"), b, "no row for a motd that was null");
        assertNull(HostSettingCatalog.load("b.example", b).get(AnnounceSettings.MOTD));

        assertThrows(SQLException.class, () -> exec(c, "SELECT muc_enabled FROM parley_host"), "dropped");
        assertThrows(SQLException.class, () -> exec(c, "SELECT max_stanza_bytes FROM parley_host"), "dropped");
        exec(c, "DELETE FROM parley_host WHERE domain = 'b.example'");
        assertEquals(Map.of(), stored(c, "b.example"), "a removed host's settings go with it");
    }

    private static Map<String, String> stored(Connection c, String domain) throws SQLException {
        Map<String, String> m = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT name, setting_value FROM parley_host_setting WHERE domain = '" + domain + "'")) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getString(2));
            }
        }
        return m;
    }

    private static void run(Connection c, String dialect, String script) throws Exception {
        for (String statement : SqlScript.split(Files.readString(Path.of("sql", dialect, script), StandardCharsets.UTF_8))) {
            exec(c, statement);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
