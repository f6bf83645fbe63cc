package org.parley.feature.widgets;

import jakarta.enterprise.context.ApplicationScoped;
import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.Hosts;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.SessionListener;
import org.xmpp.packet.Presence;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is online per domain, for the online-users widget: an index of the sessions that sent available
 * presence, kept by a session listener (so a read costs the domain's online sessions, not a scan of all
 * sessions). Reads take each session's current presence, so "away" and an unavailable presence without
 * logout show at the next read.
 */
@ApplicationScoped
public class OnlineUsersModule implements Module {
    private final Map<String, Set<ClientSessionView>> byDomain = new ConcurrentHashMap<>();
    private volatile Hosts hosts;

    /** One online account: bare JID and the presence of its highest-priority available session. */
    public record OnlineUser(String jid, String name, String show, String status) {
    }

    @Override
    public String name() {
        return "widgets";
    }

    @Override
    public void start(ModuleContext ctx) {
        hosts = ctx.hosts();
        ctx.sessionListener(new SessionListener() {
            @Override
            public void available(ClientSessionView session) {
                byDomain.computeIfAbsent(session.domain(), d -> ConcurrentHashMap.newKeySet()).add(session);
            }

            @Override
            public void closed(ClientSessionView session) {
                Set<ClientSessionView> sessions = byDomain.get(session.domain());
                if (sessions != null) {
                    sessions.remove(session);
                }
            }
        });
    }

    @Override
    public void stop() {
        byDomain.clear();
    }

    /** Whether this server hosts the domain (false before the XMPP runtime started). */
    public boolean hosts(String domain) {
        Hosts h = hosts;
        return h != null && h.isLocal(domain);
    }

    /** The available accounts of a domain, sorted by JID. */
    public List<OnlineUser> online(String domain) {
        Set<ClientSessionView> sessions = byDomain.get(domain);
        if (sessions == null) {
            return List.of();
        }
        Map<String, ClientSessionView> best = new TreeMap<>();
        Comparator<ClientSessionView> byPriority = Comparator.comparingInt(ClientSessionView::priority);
        for (ClientSessionView s : sessions) {
            if (s.isAvailable() && s.jid() != null) {
                best.merge(s.jid().toBareJID(), s, (a, b) -> byPriority.compare(a, b) >= 0 ? a : b);
            }
        }
        return best.entrySet().stream().map(e -> user(e.getKey(), e.getValue().presence())).toList();
    }

    private static OnlineUser user(String bareJid, Presence p) {
        String show = p == null || p.getShow() == null ? "online" : p.getShow().name();
        String status = p == null ? null : p.getStatus();
        return new OnlineUser(bareJid, bareJid.substring(0, Math.max(0, bareJid.indexOf('@'))), show, status);
    }
}
