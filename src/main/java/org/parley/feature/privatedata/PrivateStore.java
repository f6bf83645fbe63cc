package org.parley.feature.privatedata;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.parley.domain.account.AccountDeleted;

import java.util.Map;
import java.util.Optional;

/** Stored private XML by account (bare JID) and namespace. */
@Stateless
public class PrivateStore {
    @PersistenceContext(unitName = "parley")
    EntityManager em;

    public Optional<String> load(String account, String namespace) {
        return find(account, namespace).map(PrivateEntry::getPayload);
    }

    /**
     * Stores each namespace's payload (one transaction: all or nothing). New namespaces are refused when the
     * account would hold more than {@code maxNamespaces}.
     *
     * @return false if refused for the namespace limit (nothing stored)
     */
    public boolean save(String account, Map<String, String> payloads, int maxNamespaces) {
        long count = em.createNamedQuery("PrivateEntry.count", Long.class).setParameter("account", account)
                .getSingleResult();
        long added = payloads.keySet().stream().filter(ns -> find(account, ns).isEmpty()).count();
        if (added > 0 && count + added > maxNamespaces) {
            return false;
        }
        payloads.forEach((ns, xml) -> {
            Optional<PrivateEntry> existing = find(account, ns);
            if (existing.isPresent()) {
                existing.get().setPayload(xml);
            } else {
                em.persist(new PrivateEntry(account, ns, xml));
            }
        });
        return true;
    }

    public void accountDeleted(@Observes AccountDeleted event) {
        em.createNamedQuery("PrivateEntry.deleteByAccount").setParameter("account", event.bareJid()).executeUpdate();
    }

    private Optional<PrivateEntry> find(String account, String namespace) {
        return em.createNamedQuery("PrivateEntry.find", PrivateEntry.class)
                .setParameter("account", account).setParameter("ns", namespace)
                .getResultList().stream().findFirst();
    }
}
