package org.parley.infrastructure.transport.bosh;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.application.XmppServerBean;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Owns the application's {@link BoshManager} and the one timer thread of all BOSH sessions (timers only hand
 * out short answers; no thread waits for a held request).
 */
@ApplicationScoped
public class BoshService {

    @EJB
    XmppServerBean xmpp;

    @Resource
    ManagedThreadFactory threads;

    private final BoshSettings settings = BoshSettings.fromConfig();
    private ScheduledThreadPoolExecutor timers;
    private volatile BoshManager manager;

    public BoshSettings settings() {
        return settings;
    }

    public BoshManager manager() {
        BoshManager m = manager;
        if (m == null) {
            synchronized (this) {
                if (manager == null) {
                    timers = new ScheduledThreadPoolExecutor(1, threads);
                    timers.setRemoveOnCancelPolicy(true);
                    manager = new BoshManager(xmpp.server(), settings, timers);
                }
                m = manager;
            }
        }
        return m;
    }

    /** BOSH sessions alive now (for the status API and tests). */
    public int liveSessions() {
        BoshManager m = manager;
        return m == null ? 0 : m.liveSessions();
    }

    @PreDestroy
    void stop() {
        if (manager != null) {
            manager.shutdown();
            timers.shutdownNow();
        }
    }
}
