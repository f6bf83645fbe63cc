package org.parley.infrastructure.transport.bosh;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.application.XmppServerBean;

/**
 * Owns the application's {@link BoshManager}. Its timers run on the XMPP runtime's one scheduler
 * ({@link XmppServerBean#scheduler()}); they only hand out short answers, and no thread waits for a held
 * request.
 */
@ApplicationScoped
public class BoshService {

    @EJB
    XmppServerBean xmpp;

    private final BoshSettings settings = BoshSettings.fromConfig();
    private volatile BoshManager manager;

    public BoshSettings settings() {
        return settings;
    }

    public BoshManager manager() {
        BoshManager m = manager;
        if (m == null) {
            synchronized (this) {
                if (manager == null) {
                    manager = new BoshManager(xmpp.server(), settings, xmpp.scheduler());
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
        }
    }
}
