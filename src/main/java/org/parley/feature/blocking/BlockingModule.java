package org.parley.feature.blocking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.parley.config.ParleyConfig;
import org.parley.domain.account.AccountDeleted;
import org.parley.infrastructure.persistence.StoredOwners;
import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.HookPoint;
import org.parley.xmpp.spi.IqScope;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.SessionListener;
import org.xmpp.packet.JID;

import java.util.Collection;
import java.util.List;

/**
 * XEP-0191 Blocking Command: the blocklist IQs, pushes, and enforcement on the stanza path. Blocklists are
 * cached in memory; the database is read once per account (never for accounts that block nobody, known
 * from {@link StoredOwners}) and written on changes only.
 */
@ApplicationScoped
public class BlockingModule implements Module {
    /** Runs before other modules' hooks: a blocked stanza must not reach offline storage, presence, etc. */
    static final int HOOK_PRIORITY = 10;

    @Inject
    BlocklistStore store;

    private volatile BlocklistCache cache;
    private final StoredOwners owners = new StoredOwners(ParleyConfig.getInt("owners.index.max", 200_000));

    @Override
    public String name() {
        return "blocking";
    }

    @Override
    public void start(ModuleContext ctx) {
        owners.load(store::accounts);
        BlocklistCache c = new BlocklistCache(account -> owners.read(account, store::load, List.of()), ctx::accountExists,
                ParleyConfig.getInt("blocking.cache.offline.max", 10_000));
        cache = c;
        BlockingFilter filter = new BlockingFilter(c::get, ctx.hosts()::isLocal, ctx::route);
        BlockPresence presence = new BlockPresence(ctx.sessions(), ctx.hosts()::isLocal, ctx::accountExists,
                filter::routeUnfiltered, ctx::route);
        ctx.iq(IqScope.ACCOUNT, BlockingXml.NS, new BlocklistRequests(c, writer(), ctx.sessions(),
                ctx::deliver, presence, ParleyConfig.getInt("blocking.max.items", 1000)));
        ctx.hook(HookPoint.OUTBOUND, HOOK_PRIORITY, filter::outbound);
        ctx.hook(HookPoint.INBOUND, HOOK_PRIORITY, filter::inbound);
        ctx.hook(HookPoint.PRESENCE_INBOUND, HOOK_PRIORITY, filter::inbound);
        ctx.sessionListener(new SessionListener() {
            @Override
            public void bound(ClientSessionView session) {
                c.pin(session.jid().asBareJID());
            }

            @Override
            public void closed(ClientSessionView session) {
                JID account = session.jid().asBareJID();
                if (ctx.sessions().of(account).isEmpty()) {
                    c.unpin(account);
                }
            }
        });
        ctx.disco().serverFeature(BlockingXml.NS);
    }

    private BlocklistRequests.Writer writer() {
        return new BlocklistRequests.Writer() {
            @Override
            public void block(String account, Collection<String> jids) {
                owners.writing(account);
                store.block(account, jids);
            }

            @Override
            public void unblock(String account, Collection<String> jids) {
                store.unblock(account, jids);
            }

            @Override
            public void unblockAll(String account) {
                store.unblockAll(account);
            }
        };
    }

    /** The store deletes the rows (same event); the cached list must go too. */
    public void accountDeleted(@Observes AccountDeleted event) {
        BlocklistCache c = cache;
        if (c != null) {
            c.evict(new JID(event.bareJid()));
        }
    }
}
