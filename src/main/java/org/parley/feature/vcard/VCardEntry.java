package org.parley.feature.vcard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/**
 * An account's vCard (XEP-0054), stored as the XML the user set. The payload column is CLOB/TEXT; it is
 * mapped as a plain String (no @Lob) so the JDBC drivers read and write it as text on both databases.
 */
@Entity
@Table(name = "parley_vcard")
@NamedQuery(name = "VCardEntry.find", query = "SELECT v FROM VCardEntry v WHERE v.accountJid = :account")
@NamedQuery(name = "VCardEntry.delete", query = "DELETE FROM VCardEntry v WHERE v.accountJid = :account")
public class VCardEntry {
    @Id
    @SequenceGenerator(name = "parley_seq", sequenceName = "parley_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parley_seq")
    private Long id;

    @Column(name = "account_jid", nullable = false, length = 1279, unique = true)
    private String accountJid;

    @Column(name = "payload", nullable = false)
    private String payload;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    protected VCardEntry() {
    }

    public VCardEntry(String accountJid, String payload) {
        this.accountJid = accountJid;
        setPayload(payload);
    }

    public String getAccountJid() {
        return accountJid;
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
