package org.parley.xmpp.spi;

import java.util.Set;

/** The virtual hosts served and their settings. */
public interface Hosts {
    boolean isLocal(String domain);

    Set<String> domains();

    HostSettings settings(String domain);
}
