package org.parley.interfaces.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.parley.application.AccountService;
import org.parley.application.HostService;
import org.parley.application.command.CommandArgs;
import org.parley.application.command.Commands;
import org.parley.domain.account.Account;
import org.parley.xmpp.spi.HostSettings;
import org.xmpp.packet.JID;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The accounts of a domain (/admin/users.xhtml): search, pages of {@value #PAGE_SIZE}, create. */
@Named("users")
@ViewScoped
public class UsersBean implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;

    /** One account as the list shows it. */
    public record Row(String jid, String username, boolean admin, boolean enabled) implements Serializable {
    }

    @EJB
    AccountService accounts;

    @EJB
    HostService hosts;

    @Inject
    ConsoleBean console;

    @Inject
    Commands commands;

    private String domain;
    private String query = "";
    private int page;
    private long total;
    private List<Row> rows = List.of();

    private String newJid;
    private String newPassword;
    private boolean newAdmin;

    @PostConstruct
    void init() {
        domain = console.admin().getDomain();
        load();
    }

    /** Domains this administrator manages (its own: the admin commands' rule). */
    public List<String> getDomains() {
        return hosts.list().stream().map(HostSettings::domain).filter(console::mayManage).toList();
    }

    public void search() {
        page = 0;
        load();
    }

    public void next() {
        if (hasNext()) {
            page++;
        }
        load();
    }

    public void previous() {
        page = Math.max(0, page - 1);
        load();
    }

    public void create() {
        JID jid = AccountService.bare(newJid.trim());
        Map<String, Object> args = CommandArgs.account(jid.toBareJID());
        args.put("password", newPassword);
        args.put("admin", newAdmin);
        if (Messages.attempt(() -> commands.run(console.caller(), "register", args), "new-jid")) {
            Messages.info("Created " + jid.toBareJID() + ".");
            newJid = null;
            newPassword = null;
            newAdmin = false;
            domain = jid.getDomain();
            query = jid.getNode();
            search();
        }
    }

    void load() {
        if (!console.mayManage(domain)) {
            Messages.error(null, "You manage the accounts of " + console.admin().getDomain() + " only.");
            domain = console.admin().getDomain();
        }
        total = accounts.countMatching(domain, query);
        rows = accounts.search(domain, query, page * PAGE_SIZE, PAGE_SIZE).stream().map(UsersBean::row).toList();
    }

    static Row row(Account a) {
        return new Row(a.jid(), a.getUsername(), a.isAdmin(), a.isEnabled());
    }

    public boolean hasNext() {
        return (long) (page + 1) * PAGE_SIZE < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public String getPageInfo() {
        if (total == 0) {
            return "no accounts";
        }
        long from = (long) page * PAGE_SIZE + 1;
        return from + "–" + Math.min(total, from + PAGE_SIZE - 1) + " of " + total;
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query == null ? "" : query;
    }

    public String getNewJid() {
        return newJid;
    }

    public void setNewJid(String newJid) {
        this.newJid = newJid;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public boolean isNewAdmin() {
        return newAdmin;
    }

    public void setNewAdmin(boolean newAdmin) {
        this.newAdmin = newAdmin;
    }
}
