package org.parley.feature.offline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** A message stored for an account that had no available resource (XEP-0160). */
@Entity
@Table(name = "parley_offline_message")
@NamedQuery(name = "OfflineMessage.byOwner",
        query = "SELECT m FROM OfflineMessage m WHERE m.owner = :owner ORDER BY m.storedAt, m.id")
@NamedQuery(name = "OfflineMessage.count", query = "SELECT COUNT(m) FROM OfflineMessage m WHERE m.owner = :owner")
@NamedQuery(name = "OfflineMessage.delete", query = "DELETE FROM OfflineMessage m WHERE m.id IN :ids")
@NamedQuery(name = "OfflineMessage.deleteByOwner", query = "DELETE FROM OfflineMessage m WHERE m.owner = :owner")
public class OfflineMessage {
    @Id
    @SequenceGenerator(name = "parley_seq", sequenceName = "parley_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parley_seq")
    private Long id;

    @Column(name = "owner_jid", nullable = false, length = 1279)
    private String owner;

    /** UTC. */
    @Column(name = "stored_at", nullable = false)
    private LocalDateTime storedAt;

    /** The stanza as received (CLOB in H2, TEXT in PostgreSQL). */
    @Column(name = "stanza", nullable = false)
    private String stanza;

    protected OfflineMessage() {
    }

    public OfflineMessage(String owner, String stanza, LocalDateTime storedAt) {
        this.owner = owner;
        this.stanza = stanza;
        this.storedAt = storedAt;
    }

    public Long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public LocalDateTime getStoredAt() {
        return storedAt;
    }

    public String getStanza() {
        return stanza;
    }
}
