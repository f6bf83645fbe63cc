package org.parley.application.command;

import org.parley.application.HostAdministration;
import org.parley.application.HostSettingCatalog;
import org.parley.domain.account.AccountException;
import org.parley.domain.account.AccountException.Reason;
import org.parley.xmpp.spi.HostSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Served domains in memory, with the host service's checks (unknown domain, duplicates, setting rules). */
public final class FakeHosts implements HostAdministration {
    final Map<String, HostSettings> hosts = new LinkedHashMap<>();
    /** Administrator accounts created with a domain. */
    final List<String> admins = new ArrayList<>();

    public FakeHosts(String... domains) {
        for (String d : domains) {
            hosts.put(d, HostSettings.defaults(d));
        }
    }

    @Override
    public List<HostSettings> list() {
        return List.copyOf(hosts.values());
    }

    @Override
    public HostSettings get(String domain) {
        HostSettings h = hosts.get(domain);
        if (h == null) {
            throw new AccountException(Reason.NOT_FOUND, "no such domain: " + domain);
        }
        return h;
    }

    @Override
    public HostSettings create(String domain, String adminJid, String adminPassword) {
        if (hosts.containsKey(domain)) {
            throw new AccountException(Reason.CONFLICT, "domain exists: " + domain);
        }
        hosts.put(domain, HostSettings.defaults(domain));
        if (adminJid != null) {
            admins.add(adminJid);
        }
        return hosts.get(domain);
    }

    @Override
    public HostSettings update(HostSettings settings) {
        get(settings.domain());
        HostSettingCatalog.Problem problem = HostSettingCatalog.firstProblem(settings);
        if (problem != null) {
            throw new AccountException(Reason.INVALID, problem.text());
        }
        hosts.put(settings.domain(), settings);
        return settings;
    }

    @Override
    public void remove(String domain) {
        get(domain);
        hosts.remove(domain);
    }
}
