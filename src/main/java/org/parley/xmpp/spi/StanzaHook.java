package org.parley.xmpp.spi;

import org.xmpp.packet.Packet;

@FunctionalInterface
public interface StanzaHook {
    /** @return true if the stanza was consumed (later hooks and default processing are skipped). */
    boolean handle(Packet stanza, Origin origin) throws Exception;
}
