package org.parley.domain.apikey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.LocalDateTime;

/** A REST API key: its public id, the hash of its secret, scope, creator and use. Times are UTC. */
@Entity
@Table(name = "parley_api_key")
@NamedQuery(name = "ApiKey.all", query = "SELECT k FROM ApiKey k ORDER BY k.createdAt DESC, k.id DESC")
@NamedQuery(name = "ApiKey.byPublicId", query = "SELECT k FROM ApiKey k WHERE k.publicId = :id")
public class ApiKey {
    public static final int MAX_NAME = 100;
    /** Last use is written at most this often, not on every request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @Id
    @SequenceGenerator(name = "parley_seq", sequenceName = "parley_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parley_seq")
    private Long id;

    @Column(name = "public_id", nullable = false, length = 32, unique = true)
    private String publicId;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ApiKeyScope scope;

    @Column(nullable = false, length = 1279)
    private String creator;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "last_used_at")
    private LocalDateTime lastUsedAt;

    @Column(name = "revoked_at")
    private LocalDateTime revokedAt;

    protected ApiKey() {
    }

    public ApiKey(ApiKeySecret secret, String name, ApiKeyScope scope, String creator, LocalDateTime now) {
        this.publicId = secret.publicId();
        this.secretHash = secret.hash();
        this.name = name;
        this.scope = scope;
        this.creator = creator;
        this.createdAt = now;
    }

    /** True for a key that is not revoked and whose secret is the presented one. */
    public boolean accepts(ApiKeySecret presented) {
        return presented.matches(secretHash) && revokedAt == null;
    }

    /** Records a use; true when the stored time changed (at most once per LAST_USED_PRECISION). */
    public boolean used(LocalDateTime now) {
        if (lastUsedAt != null && lastUsedAt.plus(LAST_USED_PRECISION).isAfter(now)) {
            return false;
        }
        lastUsedAt = now;
        return true;
    }

    /** Revokes the key; revoking again keeps the first time. */
    public void revoke(LocalDateTime now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public ApiKeyInfo info() {
        return new ApiKeyInfo(publicId, name, scope, creator, createdAt, lastUsedAt, revokedAt);
    }
}
