package org.parley.interfaces.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.parley.application.ServerOverview;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dashboard (/admin/index.xhtml): sessions per transport, accounts per domain, stanzas routed per second
 * and uptime. The page refreshes it every few seconds; the rate is the difference to the previous refresh.
 */
@Named("dashboard")
@ViewScoped
public class DashboardBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    ServerOverview overview;

    private ServerOverview.Snapshot current;
    private double stanzasPerSecond;

    @PostConstruct
    void init() {
        refresh();
    }

    public void refresh() {
        ServerOverview.Snapshot next = overview.snapshot();
        if (current != null && next.takenAtMillis() > current.takenAtMillis()) {
            stanzasPerSecond = (next.stanzasRouted() - current.stanzasRouted()) * 1000.0
                    / (next.takenAtMillis() - current.takenAtMillis());
        } else {
            // first view: the average since the server started
            stanzasPerSecond = next.uptimeSeconds() > 0 ? next.stanzasRouted() / (double) next.uptimeSeconds() : 0;
        }
        current = next;
    }

    public List<Map.Entry<String, Integer>> getSessions() {
        return new ArrayList<>(current.sessionsByTransport().entrySet());
    }

    public int getSessionTotal() {
        return current.sessionsByTransport().values().stream().mapToInt(Integer::intValue).sum();
    }

    public List<Map.Entry<String, Long>> getUsers() {
        return new ArrayList<>(current.usersByDomain().entrySet());
    }

    public String getStanzaRate() {
        return String.format(java.util.Locale.ROOT, "%.1f", Math.max(0, stanzasPerSecond));
    }

    public long getStanzasRouted() {
        return current.stanzasRouted();
    }

    public long getLogins() {
        return current.logins();
    }

    public String getUptime() {
        return uptime(current.uptimeSeconds());
    }

    static String uptime(long seconds) {
        long d = seconds / 86400;
        long h = seconds % 86400 / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return (d > 0 ? d + "d " : "") + (d > 0 || h > 0 ? h + "h " : "") + m + "m " + s + "s";
    }
}
