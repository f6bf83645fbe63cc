package org.parley.application.events;

import org.parley.api.MessageRouted;
import org.parley.api.ParleyEventListener;
import org.parley.api.UserOffline;
import org.parley.api.UserOnline;
import org.parley.xmpp.spi.ClientSessionView;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes Parley's events to the CDI observers of Parley's deployment and to subscribed listeners of other
 * deployments. Called on the routing path, so it only checks a cached flag when nobody listens, and otherwise
 * builds the record and hands it to an executor (in order, never blocking the caller).
 */
public final class EventDispatcher {
    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());

    private final Executor executor;
    private final Consumer<Object> cdi;
    private final Set<Class<?>> cdiObserved;
    private final CopyOnWriteArrayList<ParleyEventListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean online;
    private volatile boolean offline;
    private volatile boolean messages;

    /**
     * @param cdi         fires an event in Parley's own deployment
     * @param cdiObserved the event types Parley's deployment observes (fixed once deployed)
     */
    public EventDispatcher(Executor executor, Consumer<Object> cdi, Set<Class<?>> cdiObserved) {
        this.executor = executor;
        this.cdi = cdi;
        this.cdiObserved = Set.copyOf(cdiObserved);
        recompute();
    }

    public void subscribe(ParleyEventListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is required");
        }
        listeners.addIfAbsent(listener);
        recompute();
    }

    public void unsubscribe(ParleyEventListener listener) {
        listeners.remove(listener);
        recompute();
    }

    private void recompute() {
        boolean any = !listeners.isEmpty();
        online = any || cdiObserved.contains(UserOnline.class);
        offline = any || cdiObserved.contains(UserOffline.class);
        messages = any || cdiObserved.contains(MessageRouted.class);
    }

    public void userOnline(ClientSessionView s) {
        if (online) {
            UserOnline e = new UserOnline(s.jid().toString(), s.jid().toBareJID(), s.transport(), Instant.now());
            dispatch(e, l -> l.userOnline(e));
        }
    }

    public void userOffline(ClientSessionView s) {
        if (offline) {
            UserOffline e = new UserOffline(s.jid().toString(), s.jid().toBareJID(), s.transport(), Instant.now());
            dispatch(e, l -> l.userOffline(e));
        }
    }

    public void messageRouted(Packet packet) {
        if (messages && packet instanceof Message m) {
            Message.Type type = m.getType() == null ? Message.Type.normal : m.getType();
            MessageRouted e = new MessageRouted(text(m.getFrom()), text(m.getTo()), type.name(), m.getID(),
                    Instant.now());
            dispatch(e, l -> l.messageRouted(e));
        }
    }

    private static String text(JID jid) {
        return jid == null ? null : jid.toString();
    }

    private void dispatch(Object event, Consumer<ParleyEventListener> call) {
        executor.execute(() -> {
            if (cdiObserved.contains(event.getClass())) {
                try {
                    cdi.accept(event);
                } catch (RuntimeException ex) {
                    LOG.log(Level.WARNING, "an observer of " + event.getClass().getSimpleName() + " failed", ex);
                }
            }
            for (ParleyEventListener l : listeners) {
                notify(l, call);
            }
        });
    }

    /** The listener runs with its own deployment's class loader, as if it were on one of its threads. */
    private static void notify(ParleyEventListener l, Consumer<ParleyEventListener> call) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(l.getClass().getClassLoader());
        try {
            call.accept(l);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "event listener " + l.getClass().getName() + " failed", ex);
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
