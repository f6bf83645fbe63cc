package org.parley.feature.blocking;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.parley.domain.account.AccountDeleted;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Stored blocklists; the module keeps them cached, so only loads and changes come here. */
@Stateless
public class BlocklistStore {
    @PersistenceContext(unitName = "parley")
    EntityManager em;

    /** The blocked JIDs of an account (bare JID), oldest first. */
    public List<String> load(String account) {
        return entries(account).stream().map(BlockedJid::getBlockedJid).toList();
    }

    /** Adds the JIDs not yet blocked. */
    public void block(String account, Collection<String> jids) {
        Set<String> present = new HashSet<>(load(account));
        for (String jid : jids) {
            if (present.add(jid)) {
                em.persist(new BlockedJid(account, jid));
            }
        }
    }

    public void unblock(String account, Collection<String> jids) {
        Set<String> remove = new HashSet<>(jids);
        for (BlockedJid b : entries(account)) {
            if (remove.contains(b.getBlockedJid())) {
                em.remove(b);
            }
        }
    }

    public void unblockAll(String account) {
        em.createNamedQuery("BlockedJid.deleteByAccount").setParameter("account", account).executeUpdate();
    }

    public void accountDeleted(@Observes AccountDeleted event) {
        unblockAll(event.bareJid());
    }

    private List<BlockedJid> entries(String account) {
        return em.createNamedQuery("BlockedJid.byAccount", BlockedJid.class)
                .setParameter("account", account).getResultList();
    }
}
