package org.parley.xmpp.core;

import org.parley.xmpp.spi.Hosts;

import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * The stanza size limit of the domain a stream is addressed to ({@link StreamSettings#MAX_STANZA_BYTES}), for
 * the transports' parsers. Read as input arrives, so a changed setting acts on open streams; the transports
 * also keep the server-wide limit ({@code parley.stanza.max.bytes}) as a ceiling.
 */
public final class StanzaLimit {
    private StanzaLimit() {
    }

    /** {@code to} as the stream header or BOSH session request names it; an unknown domain gets the default. */
    public static IntSupplier of(Hosts hosts, String to) {
        if (to == null || to.isBlank()) {
            return () -> StreamSettings.MAX_STANZA_BYTES.defaultValue();
        }
        String domain = to.strip().toLowerCase(Locale.ROOT);
        return () -> hosts.settings(domain).get(StreamSettings.MAX_STANZA_BYTES);
    }
}
