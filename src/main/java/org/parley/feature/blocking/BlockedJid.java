package org.parley.feature.blocking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** One JID an account blocked (XEP-0191). */
@Entity
@Table(name = "parley_blocked_jid")
@NamedQuery(name = "BlockedJid.byAccount",
        query = "SELECT b FROM BlockedJid b WHERE b.accountJid = :account ORDER BY b.id")
@NamedQuery(name = "BlockedJid.deleteByAccount", query = "DELETE FROM BlockedJid b WHERE b.accountJid = :account")
public class BlockedJid {
    @Id
    @SequenceGenerator(name = "parley_seq", sequenceName = "parley_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parley_seq")
    private Long id;

    @Column(name = "account_jid", nullable = false, length = 1279)
    private String accountJid;

    @Column(name = "blocked_jid", nullable = false, length = 3071)
    private String blockedJid;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt = LocalDateTime.now();

    protected BlockedJid() {
    }

    public BlockedJid(String accountJid, String blockedJid) {
        this.accountJid = accountJid;
        this.blockedJid = blockedJid;
    }

    public String getAccountJid() {
        return accountJid;
    }

    public String getBlockedJid() {
        return blockedJid;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }
}
