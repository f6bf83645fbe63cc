package org.parley.feature.offline;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDateTime;
import java.util.List;

/** Offline messages in the database; each call is one transaction. */
@Stateless
public class OfflineRepository implements OfflineStore {
    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Override
    public long count(String owner) {
        return em.createNamedQuery("OfflineMessage.count", Long.class).setParameter("owner", owner)
                .getSingleResult();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> owners(int limit) {
        return em.createQuery("SELECT DISTINCT m.owner FROM OfflineMessage m", String.class)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public void add(String owner, String xml, LocalDateTime storedAt) {
        em.persist(new OfflineMessage(owner, xml, storedAt));
        em.flush();
    }

    @Override
    public List<Stored> list(String owner) {
        return em.createNamedQuery("OfflineMessage.byOwner", OfflineMessage.class).setParameter("owner", owner)
                .getResultList().stream()
                .map(m -> new Stored(m.getId(), m.getStanza(), m.getStoredAt())).toList();
    }

    @Override
    public void delete(List<Long> ids) {
        if (!ids.isEmpty()) {
            em.createNamedQuery("OfflineMessage.delete").setParameter("ids", ids).executeUpdate();
        }
    }

    @Override
    // Called after the account removal committed: needs a transaction of its own.
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void deleteAll(String owner) {
        em.createNamedQuery("OfflineMessage.deleteByOwner").setParameter("owner", owner).executeUpdate();
    }
}
