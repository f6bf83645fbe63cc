package org.parley.feature.blocking;

import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.Sessions;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Presence consequences of blocking (XEP-0191 §3.3, §3.4). On block each available resource of the user
 * sends unavailable presence to the blocked JID. On unblock the contact must get the user's current presence
 * if it may see it: only the presence module knows the subscriptions, so for a local contact we route a
 * probe from the contact to the user, which that module answers by the usual rules (RFC 6121 §4.3).
 * Domain items (no local part) address no one in particular and get nothing.
 */
final class BlockPresence implements BlocklistRequests.Effects {
    private final Sessions sessions;
    private final Predicate<String> servedDomain;
    private final Predicate<JID> accountExists;
    private final Consumer<Packet> routeUnfiltered;
    private final Consumer<Packet> route;

    BlockPresence(Sessions sessions, Predicate<String> servedDomain, Predicate<JID> accountExists,
                  Consumer<Packet> routeUnfiltered, Consumer<Packet> route) {
        this.sessions = sessions;
        this.servedDomain = servedDomain;
        this.accountExists = accountExists;
        this.routeUnfiltered = routeUnfiltered;
        this.route = route;
    }

    @Override
    public void blocked(JID account, List<JID> jids) {
        for (ClientSessionView s : sessions.of(account)) {
            if (!s.isAvailable()) {
                continue;
            }
            for (JID contact : jids) {
                if (contact.getNode() != null) {
                    Presence unavailable = new Presence(Presence.Type.unavailable);
                    unavailable.setFrom(s.jid());
                    unavailable.setTo(contact);
                    routeUnfiltered.accept(unavailable); // the filter would drop it: the contact is blocked now
                }
            }
        }
    }

    @Override
    public void unblocked(JID account, List<JID> jids) {
        if (sessions.of(account).stream().noneMatch(ClientSessionView::isAvailable)) {
            return; // nothing to announce: the contact already sees the user offline
        }
        for (JID contact : jids) {
            if (contact.getNode() != null && servedDomain.test(contact.getDomain())
                    && accountExists.test(contact.asBareJID())) {
                Presence probe = new Presence(Presence.Type.probe);
                probe.setFrom(contact.asBareJID());
                probe.setTo(account);
                route.accept(probe);
            }
        }
    }
}
