package org.parley.feature.roster;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Rosters in the database; each call is one transaction (item and version change together). */
@Stateless
public class RosterRepository implements RosterStorage {
    @PersistenceContext(unitName = "parley")
    EntityManager em;

    /**
     * Read only, so no transaction of its own (every login loads a roster; a JTA transaction around two
     * reads cost as much as the reads). Changes commit before Rosters releases the account's lock, so
     * this sees them.
     */
    @Override
    // NOT_SUPPORTED: a read needs no transaction, and callers include an after-commit observer (account deletion).
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Loaded load(String owner) {
        List<RosterEntry> entries = em.createNamedQuery("RosterItem.byOwner", RosterItem.class)
                .setParameter("owner", owner).getResultList().stream().map(RosterItem::toEntry).toList();
        RosterVersion v = em.find(RosterVersion.class, owner);
        return new Loaded(v == null ? 0 : v.getVersion(), entries);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> owners(int limit) {
        // every change stores a version, so the versions name every owner; the items too, to be safe
        Set<String> owners = new LinkedHashSet<>(em.createQuery("SELECT v.owner FROM RosterVersion v", String.class)
                .setMaxResults(limit).getResultList());
        if (owners.size() < limit) {
            owners.addAll(em.createQuery("SELECT DISTINCT i.owner FROM RosterItem i", String.class)
                    .setMaxResults(limit).getResultList());
        }
        return List.copyOf(owners);
    }

    @Override
    public long save(String owner, RosterEntry entry) {
        String contact = entry.jid().toBareJID();
        RosterItem item = find(owner, contact);
        if (item == null) {
            item = new RosterItem(owner, contact);
            item.update(entry);
            em.persist(item);
        } else {
            item.update(entry);
        }
        return nextVersion(owner);
    }

    @Override
    public long delete(String owner, String contact) {
        RosterItem item = find(owner, contact);
        if (item != null) {
            em.remove(item);
        }
        return nextVersion(owner);
    }

    @Override
    // Called after the account removal committed: needs a transaction of its own.
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void deleteAll(String owner) {
        em.createNamedQuery("RosterItem.deleteByOwner").setParameter("owner", owner).executeUpdate();
        RosterVersion v = em.find(RosterVersion.class, owner);
        if (v != null) {
            em.remove(v);
        }
    }

    private RosterItem find(String owner, String contact) {
        return em.createNamedQuery("RosterItem.find", RosterItem.class)
                .setParameter("owner", owner).setParameter("contact", contact)
                .getResultList().stream().findFirst().orElse(null);
    }

    /**
     * A new account's first version starts at the clock in milliseconds, so a client that cached the
     * roster of a removed account of the same name never matches the new account's version.
     */
    private long nextVersion(String owner) {
        RosterVersion v = em.find(RosterVersion.class, owner);
        if (v == null) {
            v = new RosterVersion(owner, System.currentTimeMillis());
            em.persist(v);
        } else {
            v.setVersion(v.getVersion() + 1);
        }
        return v.getVersion();
    }
}
