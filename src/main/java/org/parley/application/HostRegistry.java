package org.parley.application;

import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.spi.Hosts;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory view of the virtual hosts, kept current by {@link HostService}; read on every stream. */
final class HostRegistry implements Hosts {
    private final Map<String, HostSettings> hosts = new ConcurrentHashMap<>();

    void put(HostSettings s) {
        hosts.put(s.domain(), s);
    }

    void remove(String domain) {
        hosts.remove(domain);
    }

    @Override
    public boolean isLocal(String domain) {
        return domain != null && hosts.containsKey(domain);
    }

    @Override
    public Set<String> domains() {
        return new TreeSet<>(hosts.keySet());
    }

    @Override
    public HostSettings settings(String domain) {
        HostSettings s = hosts.get(domain);
        return s != null ? s : HostSettings.defaults(domain);
    }
}
