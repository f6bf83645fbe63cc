package org.parley.xmpp.spi;

/** Per-domain settings (stored in the database, editable live). */
public record HostSettings(String domain, TlsMode tlsMode, boolean registrationEnabled, boolean autoApprove,
                           boolean mucEnabled, boolean federationEnabled, int maxOfflineMessages,
                           int maxStanzaBytes, String motd) {

    public enum TlsMode { DISABLED, OPTIONAL, REQUIRED }

    public static HostSettings defaults(String domain) {
        return new HostSettings(domain, TlsMode.OPTIONAL, false, false, true, false, 100, 262144, null);
    }
}
