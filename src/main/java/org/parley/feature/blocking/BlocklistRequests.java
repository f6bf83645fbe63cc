package org.parley.feature.blocking;

import org.dom4j.Element;
import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.IqHandler;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.Origin;
import org.parley.xmpp.spi.Sessions;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/** Answers blocklist get, block and unblock (XEP-0191 §3.2-3.5) and pushes changes to the user's resources. */
final class BlocklistRequests implements IqHandler {
    /** Session attribute: the session asked for the blocklist, so it gets pushes. */
    static final String REQUESTED = "blocking.requested";

    /** Where changes are stored (the database in the container). */
    interface Writer {
        void block(String account, Collection<String> jids);

        void unblock(String account, Collection<String> jids);

        void unblockAll(String account);
    }

    /** What happens to presence when JIDs are blocked or unblocked. */
    interface Effects {
        void blocked(JID account, List<JID> jids);

        void unblocked(JID account, List<JID> jids);
    }

    private final BlocklistCache cache;
    private final Writer writer;
    private final Sessions sessions;
    private final BiConsumer<JID, IQ> deliver;
    private final Effects effects;
    private final int maxItems;

    BlocklistRequests(BlocklistCache cache, Writer writer, Sessions sessions, BiConsumer<JID, IQ> deliver,
                      Effects effects, int maxItems) {
        this.cache = cache;
        this.writer = writer;
        this.sessions = sessions;
        this.deliver = deliver;
        this.effects = effects;
        this.maxItems = maxItems;
    }

    @Override
    public IQ handle(IQ iq, Origin origin) {
        JID from = iq.getFrom();
        if (from == null || from.getNode() == null) {
            return ModuleContext.error(iq, PacketError.Condition.service_unavailable);
        }
        JID account = from.asBareJID();
        if (iq.getTo() != null && !iq.getTo().asBareJID().equals(account)) {
            return ModuleContext.error(iq, PacketError.Condition.forbidden); // only one's own list
        }
        Element child = iq.getChildElement();
        String name = child.getName();
        if (iq.getType() == IQ.Type.get && "blocklist".equals(name)) {
            if (origin != null) {
                origin.attribute(REQUESTED, Boolean.TRUE);
            }
            return BlockingXml.blocklistResult(iq, cache.get(account));
        }
        if (iq.getType() != IQ.Type.set || !("block".equals(name) || "unblock".equals(name))) {
            return ModuleContext.error(iq, PacketError.Condition.bad_request);
        }
        List<JID> jids;
        try {
            jids = BlockingXml.items(child).stream().distinct().toList();
        } catch (BlockingXml.MalformedItem e) {
            return ModuleContext.error(iq, PacketError.Condition.jid_malformed);
        }
        return "block".equals(name) ? block(iq, account, jids) : unblock(iq, account, jids);
    }

    private IQ block(IQ iq, JID account, List<JID> jids) {
        if (jids.isEmpty()) {
            return ModuleContext.error(iq, PacketError.Condition.bad_request); // §3.3: at least one item
        }
        AtomicReference<List<JID>> added = new AtomicReference<>(List.of());
        Blocklist next = cache.modify(account, current -> {
            Blocklist n = current.plus(jids);
            if (n.size() > maxItems) {
                return null;
            }
            added.set(jids.stream().filter(j -> !current.contains(j)).toList());
            if (!added.get().isEmpty()) {
                writer.block(account.toBareJID(), added.get().stream().map(JID::toString).toList());
            }
            return n;
        });
        if (next == null) {
            return ModuleContext.error(iq, PacketError.Condition.not_acceptable); // over the size limit
        }
        push(account, "block", jids);
        effects.blocked(account, added.get());
        return IQ.createResultIQ(iq);
    }

    private IQ unblock(IQ iq, JID account, List<JID> jids) {
        AtomicReference<List<JID>> removed = new AtomicReference<>(List.of());
        cache.modify(account, current -> {
            if (jids.isEmpty()) {
                removed.set(current.items());
                if (!current.isEmpty()) {
                    writer.unblockAll(account.toBareJID());
                }
                return Blocklist.EMPTY;
            }
            removed.set(jids.stream().filter(current::contains).toList());
            if (!removed.get().isEmpty()) {
                writer.unblock(account.toBareJID(), removed.get().stream().map(JID::toString).toList());
            }
            return current.minus(jids);
        });
        push(account, "unblock", jids);
        effects.unblocked(account, removed.get());
        return IQ.createResultIQ(iq);
    }

    /** To every resource of the account that requested the blocklist (an empty unblock = unblock all). */
    private void push(JID account, String name, List<JID> jids) {
        for (ClientSessionView s : sessions.of(account)) {
            if (Boolean.TRUE.equals(s.attribute(REQUESTED))) {
                deliver.accept(s.jid(), BlockingXml.push(s.jid(), name, jids));
            }
        }
    }
}
