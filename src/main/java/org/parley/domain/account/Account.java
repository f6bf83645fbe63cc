package org.parley.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.parley.xmpp.sasl.ScramAlgorithm;
import org.parley.xmpp.sasl.ScramCredential;

import java.time.LocalDateTime;
import java.util.Base64;

/** An XMPP account of one virtual host. Only SCRAM salted keys are stored, never the password. */
@Entity
@Table(name = "parley_account", uniqueConstraints = @UniqueConstraint(columnNames = {"domain", "username"}))
@NamedQuery(name = "Account.find", query = "SELECT a FROM Account a WHERE a.domain = :domain AND a.username = :username")
@NamedQuery(name = "Account.byDomain", query = "SELECT a FROM Account a WHERE a.domain = :domain ORDER BY a.username")
@NamedQuery(name = "Account.after", query = "SELECT a FROM Account a WHERE a.id > :last ORDER BY a.id")
@NamedQuery(name = "Account.countByDomain", query = "SELECT COUNT(a) FROM Account a WHERE a.domain = :domain")
public class Account {
    @Id
    @SequenceGenerator(name = "parley_seq", sequenceName = "parley_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parley_seq")
    private Long id;

    @Column(nullable = false, length = 255)
    private String domain;

    @Column(nullable = false, length = 1023)
    private String username;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(nullable = false)
    private boolean admin;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt = LocalDateTime.now();

    @Column(name = "scram_iterations", nullable = false)
    private int iterations;

    @Column(name = "sha1_salt", length = 64)
    private String sha1Salt;
    @Column(name = "sha1_stored_key", length = 64)
    private String sha1StoredKey;
    @Column(name = "sha1_server_key", length = 64)
    private String sha1ServerKey;

    @Column(name = "sha256_salt", length = 64)
    private String sha256Salt;
    @Column(name = "sha256_stored_key", length = 64)
    private String sha256StoredKey;
    @Column(name = "sha256_server_key", length = 64)
    private String sha256ServerKey;

    protected Account() {
    }

    public Account(String domain, String username) {
        this.domain = domain;
        this.username = username;
    }

    /** Replaces the stored keys by ones derived from a new password (both SCRAM algorithms). */
    public void setPassword(String password, int iterations) {
        ScramCredential sha1 = ScramCredential.derive(ScramAlgorithm.SHA_1, password, iterations);
        ScramCredential sha256 = ScramCredential.derive(ScramAlgorithm.SHA_256, password, iterations);
        this.iterations = iterations;
        Base64.Encoder b64 = Base64.getEncoder();
        sha1Salt = b64.encodeToString(sha1.salt());
        sha1StoredKey = b64.encodeToString(sha1.storedKey());
        sha1ServerKey = b64.encodeToString(sha1.serverKey());
        sha256Salt = b64.encodeToString(sha256.salt());
        sha256StoredKey = b64.encodeToString(sha256.storedKey());
        sha256ServerKey = b64.encodeToString(sha256.serverKey());
    }

    public ScramCredential credential(ScramAlgorithm alg) {
        Base64.Decoder d = Base64.getDecoder();
        return switch (alg) {
            case SHA_1 -> sha1Salt == null ? null : new ScramCredential(alg, d.decode(sha1Salt), iterations,
                    d.decode(sha1StoredKey), d.decode(sha1ServerKey));
            case SHA_256 -> sha256Salt == null ? null : new ScramCredential(alg, d.decode(sha256Salt), iterations,
                    d.decode(sha256StoredKey), d.decode(sha256ServerKey));
        };
    }

    public Long getId() {
        return id;
    }

    public String getDomain() {
        return domain;
    }

    public String getUsername() {
        return username;
    }

    public String jid() {
        return username + "@" + domain;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isAdmin() {
        return admin;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }
}
