package org.parley.feature.privatedata;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.time.LocalDateTime;

/**
 * Private XML of one account in one namespace (XEP-0049). The payload column is CLOB/TEXT, mapped as a
 * plain String (no @Lob) so both JDBC drivers treat it as text.
 */
@Entity
@Table(name = "parley_private_xml", uniqueConstraints = @UniqueConstraint(columnNames = {"account_jid", "xml_namespace"}))
@NamedQuery(name = "PrivateEntry.find",
        query = "SELECT p FROM PrivateEntry p WHERE p.accountJid = :account AND p.namespace = :ns")
@NamedQuery(name = "PrivateEntry.count", query = "SELECT COUNT(p) FROM PrivateEntry p WHERE p.accountJid = :account")
@NamedQuery(name = "PrivateEntry.deleteByAccount", query = "DELETE FROM PrivateEntry p WHERE p.accountJid = :account")
public class PrivateEntry {
    @Id
    @SequenceGenerator(name = "parley_seq", sequenceName = "parley_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parley_seq")
    private Long id;

    @Column(name = "account_jid", nullable = false, length = 1279)
    private String accountJid;

    @Column(name = "xml_namespace", nullable = false, length = 1024)
    private String namespace;

    @Column(name = "payload", nullable = false)
    private String payload;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    protected PrivateEntry() {
    }

    public PrivateEntry(String accountJid, String namespace, String payload) {
        this.accountJid = accountJid;
        this.namespace = namespace;
        setPayload(payload);
    }

    public String getAccountJid() {
        return accountJid;
    }

    public String getNamespace() {
        return namespace;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
        this.updatedAt = LocalDateTime.now();
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }
}
