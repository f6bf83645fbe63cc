package org.parley.feature.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The XEP-0237 roster version of one account: raised by every stored roster change. */
@Entity
@Table(name = "parley_roster_version")
public class RosterVersion {
    @Id
    @Column(name = "owner_jid", length = RosterItem.MAX_JID)
    private String owner;

    @Column(name = "roster_version", nullable = false)
    private long version;

    protected RosterVersion() {
    }

    public RosterVersion(String owner, long version) {
        this.owner = owner;
        this.version = version;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
