package org.parley.application.events;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.parley.api.EventSubscriptions;
import org.parley.api.MessageRouted;
import org.parley.api.ParleyEventListener;
import org.parley.api.UserOffline;
import org.parley.api.UserOnline;
import org.parley.config.ParleyConfig;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Owns the event dispatcher: one dedicated thread delivers the events in order; its queue is bounded
 * ({@code parley.events.queue}, 10,000) and events beyond it are dropped and counted rather than slowing
 * down the router. Other deployments subscribe through the {@link EventSubscriptions} view.
 */
@Singleton
@LocalBean
@Local(EventSubscriptions.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventHub implements EventSubscriptions {
    private static final Logger LOG = Logger.getLogger(EventHub.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Event<Object> events;

    @Inject
    BeanManager beans;

    private final AtomicLong dropped = new AtomicLong();
    private ThreadPoolExecutor executor;
    private EventDispatcher dispatcher;

    @PostConstruct
    void start() {
        // A dedicated thread, not the runtime's scheduler (org.parley.xmpp.spi.Scheduler): observers are other
        // deployments' code and may block for long, which would delay every BOSH and ping timer sharing the
        // scheduler; one thread keeps events in routing order; its bounded queue drops (and counts) when the
        // observers fall behind instead of slowing the router. The thread comes from the container's factory.
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(ParleyConfig.getInt("events.queue", 10_000)), threads,
                (task, pool) -> {
                    if (dropped.incrementAndGet() % 1000 == 1) {
                        LOG.warning(() -> "event queue full: " + dropped.get() + " events dropped so far");
                    }
                });
        Instant now = Instant.now();
        // Observers of Parley's own deployment are fixed once it is deployed: resolve them once.
        Set<Class<?>> observed = Stream.of(new UserOnline("", "", "", now), new UserOffline("", "", "", now),
                        new MessageRouted("", "", "", "", now))
                .filter(e -> !beans.resolveObserverMethods(e).isEmpty())
                .map(Object::getClass).collect(Collectors.toSet());
        dispatcher = new EventDispatcher(executor, events::fire, observed);
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    /** The dispatcher the XMPP runtime calls directly (no EJB call on the routing path). */
    public EventDispatcher dispatcher() {
        return dispatcher;
    }

    /** Events dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void subscribe(ParleyEventListener listener) {
        dispatcher.subscribe(listener);
    }

    @Override
    public void unsubscribe(ParleyEventListener listener) {
        dispatcher.unsubscribe(listener);
    }
}
