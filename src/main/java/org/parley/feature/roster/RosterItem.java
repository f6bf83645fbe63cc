package org.parley.feature.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.xmpp.packet.JID;

import java.util.Arrays;
import java.util.List;

/**
 * A stored roster item. Groups share one column, separated by U+001F: XML 1.0 cannot carry that character,
 * so no group name contains it.
 */
@Entity
@Table(name = "parley_roster_item",
        uniqueConstraints = @UniqueConstraint(columnNames = {"owner_jid", "contact_jid"}))
@NamedQuery(name = "RosterItem.byOwner", query = "SELECT i FROM RosterItem i WHERE i.owner = :owner")
@NamedQuery(name = "RosterItem.find",
        query = "SELECT i FROM RosterItem i WHERE i.owner = :owner AND i.contact = :contact")
@NamedQuery(name = "RosterItem.deleteByOwner", query = "DELETE FROM RosterItem i WHERE i.owner = :owner")
public class RosterItem {
    static final char GROUP_SEPARATOR = '\u001F';
    static final int MAX_JID = 1279;
    static final int MAX_GROUP_COLUMN = 8000;

    @Id
    @SequenceGenerator(name = "parley_seq", sequenceName = "parley_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parley_seq")
    private Long id;

    @Column(name = "owner_jid", nullable = false, length = MAX_JID)
    private String owner;

    @Column(name = "contact_jid", nullable = false, length = MAX_JID)
    private String contact;

    @Column(name = "name", length = 1023)
    private String name;

    @Column(name = "subscription", nullable = false, length = 8)
    private String subscription;

    @Column(name = "pending_out", nullable = false)
    private boolean pendingOut;

    @Column(name = "pending_in", nullable = false)
    private boolean pendingIn;

    @Column(name = "pending_in_status", length = 1024)
    private String pendingInStatus;

    @Column(name = "is_hidden", nullable = false)
    private boolean hidden;

    @Column(name = "group_names", length = MAX_GROUP_COLUMN)
    private String groupNames;

    protected RosterItem() {
    }

    public RosterItem(String owner, String contact) {
        this.owner = owner;
        this.contact = contact;
    }

    /** Copies an entry's fields (the contact stays). */
    public void update(RosterEntry e) {
        name = e.name();
        subscription = e.subscription().xmlValue();
        pendingOut = e.state().pendingOut();
        pendingIn = e.state().pendingIn();
        String status = e.pendingInStatus();
        pendingInStatus = status != null && status.length() > 1024 ? status.substring(0, 1024) : status;
        hidden = e.hidden();
        groupNames = joinGroups(e.groups());
    }

    public RosterEntry toEntry() {
        SubscriptionState state = new SubscriptionState(Subscription.parse(subscription), pendingOut, pendingIn);
        return new RosterEntry(new JID(contact), name, splitGroups(groupNames), state, pendingInStatus, hidden);
    }

    static String joinGroups(List<String> groups) {
        return groups.isEmpty() ? null : String.join(String.valueOf(GROUP_SEPARATOR), groups);
    }

    static List<String> splitGroups(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(column.split(String.valueOf(GROUP_SEPARATOR), -1));
    }

    public Long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public String getContact() {
        return contact;
    }
}
