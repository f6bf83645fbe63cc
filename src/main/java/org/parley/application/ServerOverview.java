package org.parley.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.parley.xmpp.core.Metrics;
import org.parley.xmpp.core.XmppServer;
import org.parley.xmpp.spi.ClientSessionView;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Figures for the console's dashboard and the metrics endpoint: sessions, accounts, traffic, uptime. */
@Stateless
public class ServerOverview {
    /** The transports a session can use, each listed even when it has no session. */
    public static final String[] TRANSPORTS = {"tcp", "bosh", "websocket"};

    public record Snapshot(Map<String, Integer> sessionsByTransport, Map<String, Long> usersByDomain,
                           long stanzasRouted, long logins, long uptimeSeconds, long takenAtMillis)
            implements java.io.Serializable {
    }

    @EJB
    XmppServerBean xmpp;

    @EJB
    AccountService accounts;

    /** Bound sessions per transport: tcp, bosh, websocket (then any other). */
    public Map<String, Integer> sessionsByTransport() {
        Map<String, Integer> byTransport = new LinkedHashMap<>();
        for (String t : TRANSPORTS) {
            byTransport.put(t, 0);
        }
        for (ClientSessionView s : xmpp.server().sessions().all()) {
            byTransport.merge(s.transport(), 1, Integer::sum);
        }
        return byTransport;
    }

    public Snapshot snapshot() {
        XmppServer server = xmpp.server();
        Map<String, Long> users = new TreeMap<>();
        for (String domain : xmpp.hosts().domains()) {
            users.put(domain, accounts.count(domain));
        }
        Metrics m = server.metrics();
        long now = System.currentTimeMillis();
        return new Snapshot(sessionsByTransport(), users, m.stanzasRouted(), m.logins(),
                Math.max(0, (now - m.startedAtMillis()) / 1000), now);
    }

    /** Metrics of the running server, for the Prometheus text. */
    public Metrics metrics() {
        return xmpp.server().metrics();
    }
}
