package org.parley.feature.offline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.io.SAXReader;
import org.parley.config.ParleyConfig;
import org.parley.infrastructure.persistence.StoredOwners;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.Origin;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Presence;

import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Stores messages for accounts without an available resource and hands them to the first resource that
 * becomes available with a non-negative priority (XEP-0160). Storing and delivering one account's
 * messages are serialised, so a message is delivered once and never lost between the two.
 */
final class OfflineMailbox {
    private static final Logger LOG = Logger.getLogger(OfflineMailbox.class.getName());
    /** Session attribute: the session is available with a negative priority, so nothing was delivered. */
    static final String WAITING = "offline.waiting";
    private static final int STRIPES = 64;
    /** Bound on {@link #knownEmpty}; forgetting is always safe (it only costs a query). */
    static final int MAX_KNOWN_EMPTY = 100_000;

    private final ModuleContext ctx;
    private final OfflineStore store;
    private final Clock clock;
    private final Object[] locks = new Object[STRIPES];
    /**
     * Accounts whose mailbox is known to be empty, so a login (most find nothing stored) costs no query.
     * Read and changed only under the account's lock, like the mailbox itself. When full, Caffeine forgets
     * single accounts (eviction runs on the calling thread), never all of them at once.
     */
    private final Cache<String, Boolean> knownEmpty;
    /** Accounts that had messages stored when the module started or got one since; the others have none. */
    private final StoredOwners owners = new StoredOwners(ParleyConfig.getInt("owners.index.max", 200_000));

    OfflineMailbox(ModuleContext ctx, OfflineStore store, Clock clock) {
        this(ctx, store, clock, MAX_KNOWN_EMPTY);
    }

    OfflineMailbox(ModuleContext ctx, OfflineStore store, Clock clock, int maxKnownEmpty) {
        this.knownEmpty = Caffeine.newBuilder().maximumSize(maxKnownEmpty).executor(Runnable::run).build();
        this.ctx = ctx;
        this.store = store;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** Reads which accounts have stored messages (one query), so the first login of the others asks nothing. */
    void loadOwners() {
        owners.load(store::owners);
    }

    /**
     * MESSAGE_OFFLINE hook. Stored (committed before returning) or dropped as not worth storing: true.
     * Mailbox full (or offline storage off): false, and the router bounces it with service-unavailable.
     */
    boolean offer(Message m) {
        JID owner = m.getTo().asBareJID();
        if (!OfflinePolicy.worthStoring(m)) {
            return true;
        }
        int max = ctx.hosts().settings(owner.getDomain()).get(OfflineSettings.MAX_OFFLINE_MESSAGES);
        synchronized (lock(owner)) {
            if (max <= 0 || owners.read(owner.toBareJID(), store::count, 0L) >= max) {
                return false;
            }
            knownEmpty.invalidate(owner.toBareJID());
            owners.writing(owner.toBareJID());
            store.add(owner.toBareJID(), m.toXML(), LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
        }
        return true;
    }

    /** A session sent its initial presence. */
    void available(Origin session) {
        if (priority(session) < 0) {
            session.attribute(WAITING, Boolean.TRUE);
            return;
        }
        deliver(session);
    }

    /** Presence broadcast hook (after the presence module stored it): a priority raised to >= 0 delivers. */
    void presenceChanged(Presence p, Origin session) {
        if (p.getType() != null || session == null || session.jid() == null) {
            return;
        }
        if (p.getPriority() < 0) {
            session.attribute(WAITING, Boolean.TRUE);
        } else if (Boolean.TRUE.equals(session.attribute(WAITING))) {
            session.attribute(WAITING, null);
            deliver(session);
        }
    }

    /** Delivers the stored messages in order, each with a delay stamp, and deletes those delivered. */
    void deliver(Origin session) {
        JID owner = session.jid().asBareJID();
        String key = owner.toBareJID();
        synchronized (lock(owner)) {
            if (isKnownEmpty(key) || !owners.mayHave(key)) {
                return;
            }
            List<OfflineStore.Stored> stored = store.list(key);
            if (stored.isEmpty()) {
                markEmpty(key);
                return;
            }
            List<Long> done = new ArrayList<>(stored.size());
            for (OfflineStore.Stored s : stored) {
                Message m = parse(s.xml());
                if (m == null) {
                    LOG.warning(() -> "dropping unreadable offline message " + s.id() + " of " + owner);
                    done.add(s.id());
                    continue;
                }
                DelayStamp.add(m, owner.getDomain(), s.storedAt());
                if (!ctx.deliver(session.jid(), m)) {
                    break; // the session is gone: the rest wait for the next one
                }
                done.add(s.id());
            }
            store.delete(done);
            if (done.size() == stored.size()) {
                markEmpty(key);
            }
        }
    }

    void markEmpty(String owner) {
        knownEmpty.put(owner, Boolean.TRUE);
    }

    boolean isKnownEmpty(String owner) {
        return knownEmpty.getIfPresent(owner) != null;
    }

    /** Accounts known to have an empty mailbox now (after pending evictions). */
    long knownEmptyCount() {
        knownEmpty.cleanUp();
        return knownEmpty.estimatedSize();
    }

    /** Parses a stored stanza; null if unreadable. Stored stanzas never carry a DOCTYPE: one is refused. */
    static Message parse(String xml) {
        try {
            SAXReader reader = SAXReader.createDefault();
            reader.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = reader.read(new StringReader(xml));
            return new Message(doc.getRootElement(), true);
        } catch (DocumentException | org.xml.sax.SAXException | RuntimeException e) {
            return null;
        }
    }

    private static int priority(Origin session) {
        Presence p = session.presence();
        return p == null ? 0 : p.getPriority();
    }

    private Object lock(JID owner) {
        return locks[(owner.hashCode() & 0x7fffffff) % STRIPES];
    }
}
