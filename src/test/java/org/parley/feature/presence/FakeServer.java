package org.parley.feature.presence;

import org.parley.xmpp.core.DiscoRegistry;
import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.HookPoint;
import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.spi.Hosts;
import org.parley.xmpp.spi.IqHandler;
import org.parley.xmpp.spi.IqScope;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.core.testing.ManualScheduler;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.Scheduler;
import org.parley.xmpp.spi.Origin;
import org.parley.xmpp.spi.SessionListener;
import org.parley.xmpp.spi.Sessions;
import org.parley.xmpp.spi.StanzaHook;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A module context that routes like the core's router does for local users (RFC 6121 §8), synchronously,
 * so feature modules can be exercised end to end without the container.
 */
public class FakeServer implements ModuleContext, Sessions, Hosts {
    private final Map<String, IqHandler> iq = new ConcurrentHashMap<>();
    private final Map<HookPoint, TreeMap<Integer, List<StanzaHook>>> hooks = new ConcurrentHashMap<>();
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    public final List<StreamFeatureProvider> streamFeatures = new CopyOnWriteArrayList<>();
    private final Map<JID, List<ImSession>> sessions = new ConcurrentHashMap<>();
    public final Set<JID> accounts = ConcurrentHashMap.newKeySet();
    public final Map<String, HostSettings> hosts = new ConcurrentHashMap<>();
    public final DiscoRegistry disco = new DiscoRegistry();
    public final List<Packet> bounced = new CopyOnWriteArrayList<>();

    public FakeServer(String... domains) {
        for (String d : domains) {
            hosts.put(d, HostSettings.defaults(d));
        }
    }

    public FakeServer start(Module... modules) {
        for (Module m : modules) {
            m.start(this);
        }
        return this;
    }

    public JID account(String bare) {
        JID j = new JID(bare);
        accounts.add(j);
        return j;
    }

    public ImSession bind(String fullJid) {
        ImSession s = new ImSession(new JID(fullJid));
        sessions.computeIfAbsent(s.jid().asBareJID(), k -> new CopyOnWriteArrayList<>()).add(s);
        listeners.forEach(l -> l.bound(s));
        return s;
    }

    public void close(ImSession s) {
        sessions.computeIfPresent(s.jid().asBareJID(), (k, l) -> {
            l.remove(s);
            return l.isEmpty() ? null : l;
        });
        s.closed = true;
        listeners.forEach(l -> l.closed(s));
    }

    /** What the core does with a stanza a session sends (Router.fromSession). */
    public void send(ImSession from, Packet packet) {
        packet.setFrom(from.jid());
        if (runHooks(HookPoint.OUTBOUND, packet, from)) {
            return;
        }
        if (packet instanceof Presence p && p.getTo() == null) {
            runHooks(HookPoint.PRESENCE_BROADCAST, p, from);
            return;
        }
        route(packet, from);
    }

    private boolean runHooks(HookPoint point, Packet packet, Origin origin) {
        for (List<StanzaHook> l : hooks.getOrDefault(point, new TreeMap<>()).values()) {
            for (StanzaHook h : l) {
                try {
                    if (h.handle(packet, origin)) {
                        return true;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return false;
    }

    private void route(Packet packet, Origin origin) {
        JID to = packet.getTo();
        if (to == null && packet instanceof IQ request) {
            to = request.getFrom().asBareJID();
        }
        if (!isLocal(to.getDomain())) {
            bounced.add(packet);
            return;
        }
        if (packet instanceof Presence p) {
            if (!runHooks(HookPoint.PRESENCE_INBOUND, p, origin) && to.getNode() != null) {
                for (ImSession s : of(to)) {
                    if (s.isAvailable() && (to.getResource() == null || s.jid().equals(to))) {
                        s.send(p);
                    }
                }
            }
        } else if (packet instanceof IQ request) {
            if (request.getType() == IQ.Type.get || request.getType() == IQ.Type.set) {
                iq(request, origin);
            }
        } else if (packet instanceof Message m && to.getNode() != null) {
            message(m, origin);
        }
    }

    private void iq(IQ request, Origin origin) {
        IqHandler h = iq.get(request.getChildElement().getNamespaceURI());
        try {
            IQ reply = h == null ? ModuleContext.error(request, PacketError.Condition.service_unavailable)
                    : h.handle(request, origin);
            if (reply != null && origin != null) {
                origin.send(reply);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void message(Message m, Origin origin) {
        List<ImSession> targets = new ArrayList<>();
        int best = Integer.MIN_VALUE;
        for (ImSession s : of(m.getTo())) {
            if (s.isAvailable() && s.priority() >= 0) {
                if (s.priority() > best) {
                    targets.clear();
                    best = s.priority();
                }
                if (s.priority() == best) {
                    targets.add(s);
                }
            }
        }
        if (!targets.isEmpty()) {
            targets.forEach(s -> s.send(m));
        } else if (!accounts.contains(m.getTo().asBareJID())) {
            bounced.add(m);
        } else if (!runHooks(HookPoint.MESSAGE_OFFLINE, m, origin)) {
            bounced.add(m);
        }
    }

    // ---- ModuleContext ----

    /** Time of the modules under test: moves only when a test advances it. */
    public final ManualScheduler scheduler = new ManualScheduler();

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void iq(IqScope scope, String namespace, IqHandler handler) {
        if (scope == IqScope.ACCOUNT) {
            iq.put(namespace, handler);
        }
    }

    @Override
    public void hook(HookPoint point, int priority, StanzaHook hook) {
        hooks.computeIfAbsent(point, k -> new TreeMap<>())
                .computeIfAbsent(priority, k -> new CopyOnWriteArrayList<>()).add(hook);
    }

    @Override
    public void sessionListener(SessionListener listener) {
        listeners.add(listener);
    }

    @Override
    public void streamFeature(StreamFeatureProvider provider) {
        streamFeatures.add(provider);
    }

    @Override
    public void component(String domain, StanzaHook handler) {
    }

    @Override
    public Disco disco() {
        return disco;
    }

    @Override
    public void route(Packet packet) {
        route(packet, null);
    }

    @Override
    public boolean deliver(JID fullJid, Packet packet) {
        ClientSessionView s = get(fullJid);
        if (s == null) {
            return false;
        }
        s.send(packet);
        return true;
    }

    /** Server-originated IQs (e.g. pings), unanswered. */
    public final List<IQ> requests = new CopyOnWriteArrayList<>();
    /** Sessions ended by a module, with the stream error condition. */
    public final List<String> kicked = new CopyOnWriteArrayList<>();

    @Override
    public void request(IQ request, Consumer<IQ> onReply) {
        requests.add(request);
    }

    @Override
    public void available(ClientSessionView session) {
        listeners.forEach(l -> l.available(session));
    }

    @Override
    public boolean accountExists(JID bareJid) {
        return accounts.contains(bareJid.asBareJID());
    }

    @Override
    public Sessions sessions() {
        return this;
    }

    @Override
    public Hosts hosts() {
        return this;
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    // ---- Sessions ----

    @Override
    public List<ImSession> of(JID bareJid) {
        return sessions.getOrDefault(bareJid.asBareJID(), List.of());
    }

    @Override
    public ImSession get(JID fullJid) {
        return of(fullJid).stream().filter(s -> s.jid().equals(fullJid)).findFirst().orElse(null);
    }

    @Override
    public Collection<ImSession> all() {
        return sessions.values().stream().flatMap(List::stream).toList();
    }

    @Override
    public int count() {
        return all().size();
    }

    @Override
    public void kick(JID jid, String streamErrorCondition, String text) {
        kicked.add(jid + " " + streamErrorCondition);
    }

    // ---- Hosts ----

    @Override
    public boolean isLocal(String domain) {
        return hosts.containsKey(domain);
    }

    @Override
    public Set<String> domains() {
        return hosts.keySet();
    }

    @Override
    public HostSettings settings(String domain) {
        return hosts.getOrDefault(domain, HostSettings.defaults(domain));
    }
}
