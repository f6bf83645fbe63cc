package org.parley.infrastructure.transport;

import org.parley.config.ParleyConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Where new web sessions are sent instead of being accepted here: {@code parley.bosh.redirect} (XEP-0124 §17
 * see-other-uri) and {@code parley.websocket.redirect} (RFC 7395 §3.6.1). Read for every new session, so an
 * operator drains a node at runtime by setting the system property (WildFly CLI
 * {@code /system-property=parley.bosh.redirect:add(value=...)}) and resumes by removing it; sessions already
 * running are left alone.
 */
public final class Redirects {
    private static final Logger LOG = Logger.getLogger(Redirects.class.getName());

    private Redirects() {
    }

    /** The BOSH endpoint new sessions go to (http or https), or null to accept them here. */
    public static String bosh() {
        return uri("bosh.redirect", Set.of("http", "https"));
    }

    /** The endpoint new WebSocket sessions go to (ws, wss, or a BOSH http/https URL), or null. */
    public static String websocket() {
        return uri("websocket.redirect", Set.of("ws", "wss", "http", "https"));
    }

    private static String uri(String key, Set<String> schemes) {
        String v = ParleyConfig.get(key, null);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            URI u = new URI(v.trim());
            if (u.getScheme() != null && schemes.contains(u.getScheme().toLowerCase()) && u.getHost() != null) {
                return u.toASCIIString();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        LOG.warning(() -> "parley." + key + " is not an absolute " + schemes + " URI: ignored");
        return null;
    }
}
