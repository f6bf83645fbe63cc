package org.parley.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.parley.domain.account.AccountException;
import org.parley.domain.account.AccountException.Reason;
import org.parley.domain.apikey.ApiKey;
import org.parley.domain.apikey.ApiKeyInfo;
import org.parley.domain.apikey.ApiKeyRepository;
import org.parley.domain.apikey.ApiKeyScope;
import org.parley.domain.apikey.ApiKeySecret;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * REST API keys: created by an administrator (the secret is returned once and never stored), listed,
 * revoked, and checked for each REST request. The REST API and the console both call this.
 */
@Stateless
public class ApiKeyService {
    private static final Logger LOG = Logger.getLogger(ApiKeyService.class.getName());

    /** A new key: what may be shown about it, and its whole text, which is shown this once. */
    public record Created(ApiKeyInfo info, String key) {
        @Override
        public String toString() {
            return "Created[" + info + "]";
        }
    }

    @Inject
    ApiKeyRepository keys;

    /** The first invalid input (name or scope), or null when both are fine. */
    public static String invalidField(String name, String scope) {
        if (name == null || name.isBlank() || name.strip().length() > ApiKey.MAX_NAME) {
            return "name";
        }
        return ApiKeyScope.parse(scope).isEmpty() ? "scope" : null;
    }

    /** Why a field is invalid, for forms and JSON errors. */
    public static String problem(String field) {
        return "scope".equals(field) ? "scope must be read-only or admin"
                : "name is required (at most " + ApiKey.MAX_NAME + " characters)";
    }

    public Created create(String name, String scope, String creator) {
        String bad = invalidField(name, scope);
        if (bad != null) {
            throw new AccountException(Reason.INVALID, problem(bad));
        }
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = new ApiKey(secret, name.strip(), ApiKeyScope.parse(scope).orElseThrow(),
                creator == null || creator.isBlank() ? "console" : creator, now());
        keys.add(key);
        LOG.info(() -> "API key " + secret.publicId() + " (" + key.info().scope().label() + ") created by "
                + key.info().creator());
        return new Created(key.info(), secret.text());
    }

    public List<ApiKeyInfo> list() {
        return keys.all().stream().map(ApiKey::info).toList();
    }

    /** Revokes a key by its public id; NOT_FOUND when there is none. */
    public ApiKeyInfo revoke(String publicId) {
        ApiKey key = keys.byPublicId(publicId == null ? "" : publicId.trim())
                .orElseThrow(() -> new AccountException(Reason.NOT_FOUND, "no such API key: " + publicId));
        key.revoke(now());
        LOG.info(() -> "API key " + key.info().id() + " revoked");
        return key.info();
    }

    /** The valid, unrevoked key the text names (its last use noted, at most once a minute); else empty. */
    public Optional<ApiKeyInfo> authenticate(String presented) {
        Optional<ApiKeySecret> secret = ApiKeySecret.parse(presented);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKey> key = keys.byPublicId(secret.get().publicId());
        if (key.isEmpty() || !key.get().accepts(secret.get())) {
            return Optional.empty();
        }
        key.get().used(now());
        return Optional.of(key.get().info());
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
