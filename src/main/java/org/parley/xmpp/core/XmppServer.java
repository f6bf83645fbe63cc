package org.parley.xmpp.core;

import org.dom4j.Element;
import org.parley.xmpp.sasl.AuthThrottle;
import org.parley.xmpp.sasl.CredentialStore;
import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.HookPoint;
import org.parley.xmpp.spi.Hosts;
import org.parley.xmpp.spi.IqHandler;
import org.parley.xmpp.spi.IqScope;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.Scheduler;
import org.parley.xmpp.spi.SessionListener;
import org.parley.xmpp.spi.StanzaHook;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The XMPP runtime: router, sessions, module registries. Plain Java (no container types) so transports,
 * modules and tests share it; {@code org.parley.application.XmppServerBean} owns the instance in WildFly.
 */
public final class XmppServer implements ModuleContext {
    private static final Logger LOG = Logger.getLogger(XmppServer.class.getName());
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(60); // parley.iq.reply.timeout.seconds
    /** RFC 6120 §6.4.5: SASL retries a stream gets after its first failure (parley.sasl.max.retries), 2 to 5. */
    public static final int DEFAULT_SASL_MAX_RETRIES = 3;
    public static final int MIN_SASL_RETRIES = 2;
    public static final int MAX_SASL_RETRIES = 5;

    private final Hosts hosts;
    private final AccountDirectory accounts;
    private final ExecutorService workers;
    private final PendingReplies pendingReplies;
    private final Router router;
    private final SessionManager sessionManager = new SessionManager(this::fireClosed);
    private final DiscoRegistry disco = new DiscoRegistry();
    private final Set<C2SStream> streams = ConcurrentHashMap.newKeySet();
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final List<StreamFeatureProvider> streamFeatures = new CopyOnWriteArrayList<>();
    private final List<Module> modules = new CopyOnWriteArrayList<>();
    private final AuthThrottle throttle;
    private final Metrics metrics = new Metrics();
    private final boolean plainWithoutTls;
    private volatile int saslMaxRetries = DEFAULT_SASL_MAX_RETRIES;
    private final Scheduler scheduler;

    /**
     * {@code replyTimeout}: how long a server {@link #request} waits; {@code scheduler}: the clock and timers of
     * the runtime and its modules.
     */
    public XmppServer(Hosts hosts, AccountDirectory accounts, ExecutorService workers, AuthThrottle throttle,
                      boolean plainWithoutTls, Duration replyTimeout, Scheduler scheduler) {
        this.scheduler = scheduler;
        this.pendingReplies = new PendingReplies(scheduler::nowMillis, replyTimeout.toMillis());
        this.router = new Router(this, pendingReplies);
        this.hosts = hosts;
        this.accounts = accounts;
        this.workers = workers;
        this.throttle = throttle;
        this.plainWithoutTls = plainWithoutTls;
    }

    public void start(Iterable<? extends Module> toStart) {
        for (Module m : toStart) {
            m.start(this);
            modules.add(m);
            LOG.fine(() -> "module started: " + m.name());
        }
    }

    /** Ends every stream with system-shutdown (RFC 6120 §4.9.3.21), then stops the modules. */
    public void stop() {
        for (C2SStream s : streams) {
            s.kick("system-shutdown", null);
        }
        for (Module m : modules) {
            try {
                m.stop();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "module " + m.name() + " failed to stop", e);
            }
        }
    }

    public List<Module> modules() {
        return List.copyOf(modules);
    }

    // ---- ModuleContext ----

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void iq(IqScope scope, String namespace, IqHandler handler) {
        router.iq(scope, namespace, handler);
    }

    @Override
    public void hook(HookPoint point, int priority, StanzaHook hook) {
        router.hook(point, priority, hook);
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
        router.component(domain, handler);
    }

    @Override
    public DiscoRegistry disco() {
        return disco;
    }

    @Override
    public void route(Packet packet) {
        router.route(packet, null);
    }

    @Override
    public boolean deliver(JID fullJid, Packet packet) {
        return router.deliver(fullJid, packet);
    }

    @Override
    public SessionManager sessions() {
        return sessionManager;
    }

    @Override
    public Hosts hosts() {
        return hosts;
    }

    @Override
    public void execute(Runnable task) {
        workers.execute(task);
    }

    @Override
    public void request(IQ iq, Consumer<IQ> onReply) {
        pendingReplies.expect(iq, onReply);
        router.route(iq, null);
    }

    /** Ends the server requests whose answer is overdue (their callbacks get remote-server-timeout). */
    public void expireRequests() {
        pendingReplies.expire();
    }

    /** Server requests still waiting for an answer. */
    int pendingRequests() {
        return pendingReplies.size();
    }

    // ---- for streams and transports ----

    public Router router() {
        return router;
    }

    SessionManager sessionManager() {
        return sessionManager;
    }

    public AccountDirectory accounts() {
        return accounts;
    }

    CredentialStore credentials(String domain) {
        return accounts.credentials(domain);
    }

    /** Failed-login throttle shared by every password login (XMPP and web console). */
    public AuthThrottle throttle() {
        return throttle;
    }

    /** Sets how many SASL retries a stream gets after its first failure before it ends (2 to 5, RFC 6120 §6.4.5). */
    public void saslMaxRetries(int retries) {
        if (retries < MIN_SASL_RETRIES || retries > MAX_SASL_RETRIES) {
            throw new IllegalArgumentException("SASL retries must be between " + MIN_SASL_RETRIES + " and "
                    + MAX_SASL_RETRIES + " (RFC 6120 §6.4.5): " + retries);
        }
        saslMaxRetries = retries;
    }

    int saslMaxRetries() {
        return saslMaxRetries;
    }

    boolean plainWithoutTls() {
        return plainWithoutTls;
    }

    public ExecutorService workers() {
        return workers;
    }

    public Set<C2SStream> streams() {
        return streams;
    }

    public Metrics metrics() {
        return metrics;
    }

    void streamFeatures(Element features, StreamState state, String domain) {
        for (StreamFeatureProvider p : streamFeatures) {
            Element f = p.feature(state, domain);
            if (f != null) {
                features.add(f.createCopy());
            }
        }
    }

    void fireBound(ClientSession s) {
        metrics.sessionOpened();
        notifyListeners(l -> l.bound(s));
    }

    @Override
    public boolean accountExists(JID bareJid) {
        return accounts.exists(bareJid);
    }

    @Override
    public void available(ClientSessionView s) {
        notifyListeners(l -> l.available(s));
    }

    private void fireClosed(ClientSession s) {
        metrics.sessionClosed();
        notifyListeners(l -> l.closed(s));
        pendingReplies.sessionEnded(s.jid());
    }

    private void notifyListeners(Consumer<SessionListener> call) {
        for (SessionListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "session listener failed", e);
            }
        }
    }
}
