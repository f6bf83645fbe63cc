package org.parley.domain.apikey;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Stored API keys; runs in the caller's transaction (ApiKeyService). */
@Dependent
public class ApiKeyRepository {
    @PersistenceContext(unitName = "parley")
    EntityManager em;

    public void add(ApiKey key) {
        em.persist(key);
        em.flush();
    }

    public Optional<ApiKey> byPublicId(String publicId) {
        return em.createNamedQuery("ApiKey.byPublicId", ApiKey.class).setParameter("id", publicId)
                .getResultStream().findFirst();
    }

    public List<ApiKey> all() {
        return em.createNamedQuery("ApiKey.all", ApiKey.class).getResultList();
    }
}
