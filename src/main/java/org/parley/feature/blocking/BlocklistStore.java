package org.parley.feature.blocking;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

    /** Up to {@code limit} accounts that block anybody, each once. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> accounts(int limit) {
        return em.createQuery("SELECT DISTINCT b.accountJid FROM BlockedJid b", String.class)
                .setMaxResults(limit).getResultList();
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
