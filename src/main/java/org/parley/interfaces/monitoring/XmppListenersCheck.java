package org.parley.interfaces.monitoring;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.parley.application.XmppServerBean;
import org.parley.config.ParleyConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Liveness and readiness: every configured c2s port (parley.c2s.port, parley.c2s.tls.port; 0 = off) has an
 * open listener. A listener that closed while the server runs will not come back, so a restart helps.
 */
@Liveness
@Readiness
@ApplicationScoped
public class XmppListenersCheck implements HealthCheck {
    static final String NAME = "xmpp-listeners";

    @EJB
    XmppServerBean xmpp;

    @Override
    public HealthCheckResponse call() {
        return check(xmpp.tcpListeners(), expectedListeners());
    }

    private static int expectedListeners() {
        return (ParleyConfig.c2sPort() > 0 ? 1 : 0) + (ParleyConfig.c2sTlsPort() > 0 ? 1 : 0);
    }

    /** UP when {@code expected} listeners are bound and every one is open; each listener shows in the data. */
    static HealthCheckResponse check(Map<String, Boolean> listeners, int expected) {
        Map<String, Object> data = new LinkedHashMap<>();
        listeners.forEach((address, open) -> data.put(address, open ? "open" : "closed"));
        boolean up = listeners.size() == expected && !listeners.containsValue(false);
        // the constructor, not HealthCheckResponse.named(): the builder needs the server's provider (unit tests)
        return new HealthCheckResponse(NAME, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data));
    }
}
