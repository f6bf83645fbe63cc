package org.parley.feature.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.dom4j.DocumentHelper;
import org.dom4j.QName;
import org.parley.domain.account.AccountDeleted;
import org.parley.xmpp.spi.IqScope;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.spi.ModuleContext;
import org.xmpp.packet.JID;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Roster management (RFC 6121 §2) and roster versioning (XEP-0237). The roster cache's session life
 * cycle is driven by the presence module, which needs the roster until a session's last broadcast.
 */
@ApplicationScoped
public class RosterModule implements Module {
    private static final Logger LOG = Logger.getLogger(RosterModule.class.getName());

    private Rosters rosters;

    private volatile ModuleContext ctx;

    /** For the container's proxy. */
    protected RosterModule() {
    }

    @Inject
    public RosterModule(Rosters rosters) {
        this.rosters = rosters;
    }

    @Override
    public String name() {
        return "roster";
    }

    @Override
    public void start(ModuleContext context) {
        this.ctx = context;
        rosters.cacheWhile(jid -> !context.sessions().of(jid).isEmpty());
        rosters.loadOwners();
        rosters.onChange(change -> RosterPush.push(context.sessions(), change));
        context.iq(IqScope.ACCOUNT, RosterXml.NS, new RosterIqHandler(context, rosters));
        context.streamFeature((state, domain) -> state == ModuleContext.StreamState.AFTER_AUTH
                ? DocumentHelper.createElement(QName.get("ver", RosterXml.VERSIONING_NS)) : null);
        context.disco().serverFeature(RosterXml.NS);
    }

    /**
     * An account was removed (and the removal committed): its roster is deleted, then its contacts'
     * subscriptions end on their side, on a worker thread with transactions of its own. The account's
     * available resources are noted first: its sessions are closing meanwhile and may no longer find the
     * roster to broadcast their unavailable presence.
     */
    void onAccountDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountDeleted event) {
        JID owner = new JID(event.bareJid()).asBareJID();
        ModuleContext context = ctx;
        List<RosterEntry> entries = new ArrayList<>(rosters.get(owner).entries());
        List<JID> resources = context == null ? List.of() : new SubscriptionCancel(context).availableResources(owner);
        rosters.deleteAll(owner);
        if (context == null || entries.isEmpty()) {
            return;
        }
        context.execute(() -> {
            SubscriptionCancel cancel = new SubscriptionCancel(context);
            for (RosterEntry e : entries) {
                try {
                    cancel.afterRemoval(owner, e, resources);
                } catch (RuntimeException ex) {
                    LOG.warning(() -> "could not end the subscription of " + e.jid() + " to " + owner + ": " + ex);
                }
            }
        });
    }
}
