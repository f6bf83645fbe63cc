package org.parley.api;

import java.io.Serializable;

/** A virtual host's settings; tlsMode is DISABLED, OPTIONAL or REQUIRED, motd may be null. */
public record HostInfo(String domain, String tlsMode, boolean registrationEnabled, boolean autoApprove,
                       boolean mucEnabled, boolean federationEnabled, int maxOfflineMessages, int maxStanzaBytes,
                       String motd) implements Serializable {
}
