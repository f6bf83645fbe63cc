package org.parley.config;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

/**
 * Server-wide settings, read from system properties ({@code parley.*}) that the wildfly/ scripts or the
 * command line set. Per-domain settings (TLS mode, registration, ...) live in the database instead.
 */
public final class ParleyConfig {

    private ParleyConfig() {
    }

    public static String get(String key, String dflt) {
        String v = System.getProperty("parley." + key);
        if (v == null || v.isBlank()) {
            v = System.getenv("PARLEY_" + key.toUpperCase().replace('.', '_'));
        }
        return v == null || v.isBlank() ? dflt : v.trim();
    }

    public static int getInt(String key, int dflt) {
        return Integer.parseInt(get(key, Integer.toString(dflt)));
    }

    public static boolean getBool(String key, boolean dflt) {
        return Boolean.parseBoolean(get(key, Boolean.toString(dflt)));
    }

    /** Address the XMPP listeners bind to. */
    public static String bindAddress() {
        return get("bind.address", "127.0.0.1");
    }

    /** c2s port with STARTTLS (RFC 6120); 0 or negative disables it. */
    public static int c2sPort() {
        return getInt("c2s.port", 5222);
    }

    /** c2s port with direct TLS (XEP-0368); 0 or negative disables it. */
    public static int c2sTlsPort() {
        return getInt("c2s.tls.port", 5223);
    }

    /** Domains created on first start when the database has none. */
    public static List<String> initialDomains() {
        return Arrays.stream(get("domains", "localhost").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Largest stanza in bytes before the stream ends with policy-violation. */
    public static int maxStanzaBytes() {
        return getInt("stanza.max.bytes", 262144);
    }

    /** Directory for generated keystores and other server-local files. */
    public static Path dataDir() {
        String base = System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
        return Paths.get(get("data.dir", base + "/parley"));
    }
}
