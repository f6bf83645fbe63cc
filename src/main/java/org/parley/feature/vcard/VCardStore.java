package org.parley.feature.vcard;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.parley.domain.account.AccountDeleted;

import java.util.Optional;

/** Stored vCards, one per account (bare JID). */
@Stateless
public class VCardStore {
    @PersistenceContext(unitName = "parley")
    EntityManager em;

    public Optional<String> load(String account) {
        return find(account).map(VCardEntry::getPayload);
    }

    public void save(String account, String xml) {
        Optional<VCardEntry> existing = find(account);
        if (existing.isPresent()) {
            existing.get().setPayload(xml);
        } else {
            em.persist(new VCardEntry(account, xml));
        }
    }

    public void accountDeleted(@Observes AccountDeleted event) {
        em.createNamedQuery("VCardEntry.delete").setParameter("account", event.bareJid()).executeUpdate();
    }

    private Optional<VCardEntry> find(String account) {
        return em.createNamedQuery("VCardEntry.find", VCardEntry.class).setParameter("account", account)
                .getResultList().stream().findFirst();
    }
}
