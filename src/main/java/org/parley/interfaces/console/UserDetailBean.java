package org.parley.interfaces.console;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.parley.application.AccountService;
import org.parley.application.command.CommandArgs;
import org.parley.application.command.Commands;
import org.parley.domain.account.AccountException;
import org.parley.feature.offline.OfflineStore;
import org.parley.feature.roster.RosterEntry;
import org.parley.feature.roster.RosterProvisioning;
import org.parley.feature.vcard.VCardFields;
import org.parley.feature.vcard.VCardStore;
import org.xmpp.packet.JID;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One account (/admin/user.xhtml?jid=...): state, roster, vCard, offline queue; password reset, admin flag,
 * enable/disable (disabling ends its sessions) and delete after a confirmation step.
 */
@Named("user")
@ViewScoped
public class UserDetailBean implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A roster item as the page shows it. */
    public record Contact(String jid, String name, String groups, String subscription) implements Serializable {
    }

    @Inject
    Commands commands;
    @EJB
    RosterProvisioning rosters;
    @EJB
    VCardStore vcards;
    @Inject
    OfflineStore offline;
    @Inject
    ConsoleBean console;

    private String jid;
    private boolean found;
    private boolean admin;
    private boolean enabled;
    private List<Contact> contacts = List.of();
    private String vcard;
    private List<VCardFields.Field> vcardFields = List.of();
    private long offlineCount;
    private transient List<OfflineStore.Stored> offlineMessages = List.of();
    private String newPassword;
    private boolean confirmingDelete;

    /** The view action: reads the account named by the jid parameter. */
    @SuppressWarnings("unchecked")
    public void load() {
        found = false;
        JID bare;
        try {
            bare = AccountService.bare(jid == null ? "" : jid);
        } catch (AccountException e) {
            Messages.error(null, e.getMessage());
            return;
        }
        Map<String, Object> info = new HashMap<>();
        // user_info: the command's policy decides whether this admin may see the account
        if (!Messages.attempt(() -> info.putAll((Map<String, ?>) commands.run(console.caller(), "user_info",
                CommandArgs.account(bare.toBareJID()))), null)) {
            return;
        }
        jid = bare.toBareJID();
        found = true;
        admin = (Boolean) info.get("admin");
        enabled = (Boolean) info.get("enabled");
        contacts = rosters.items(bare).stream().map(UserDetailBean::contact).toList();
        vcard = vcards.load(jid).orElse(null);
        vcardFields = VCardFields.of(vcard);
        offlineCount = offline.count(jid);
        offlineMessages = offline.list(jid).stream().limit(50).toList();
    }

    static Contact contact(RosterEntry e) {
        return new Contact(e.jid().toBareJID(), e.name() == null ? "" : e.name(), String.join(", ", e.groups()),
                e.state().toString());
    }

    public void resetPassword() {
        if (Messages.attempt(() -> run("change_password", CommandArgs.account(jid, "newpass", newPassword)),
                "new-password")) {
            Messages.info("Password of " + jid + " changed.");
        }
        newPassword = null;
    }

    public void toggleAdmin() {
        if (Messages.attempt(() -> run("update_account", CommandArgs.account(jid, "admin", !admin)), null)) {
            Messages.info(jid + (admin ? " is no longer an administrator." : " is now an administrator."));
        }
        load();
    }

    public void toggleEnabled() {
        String command = enabled ? "ban_account" : "unban_account";
        if (Messages.attempt(() -> run(command, CommandArgs.account(jid)), null)) {
            Messages.info(jid + (enabled ? " is disabled; its sessions ended." : " is enabled."));
        }
        load();
    }

    public void askDelete() {
        // asks only when the command would run (not on the admin's own account)
        confirmingDelete = Messages.attempt(() -> commands.authorize(console.caller(), "unregister",
                CommandArgs.account(jid)), null);
    }

    public void cancelDelete() {
        confirmingDelete = false;
    }

    public void delete() throws IOException {
        if (Messages.attempt(() -> run("unregister", CommandArgs.account(jid)), null)) {
            ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
            ext.getFlash().setKeepMessages(true);
            Messages.info("Deleted " + jid + ".");
            ext.redirect(ext.getRequestContextPath() + "/admin/users.xhtml");
        }
        confirmingDelete = false;
    }

    private void run(String command, Map<String, Object> args) {
        commands.run(console.caller(), command, args);
    }

    public String getJid() {
        return jid;
    }

    public void setJid(String jid) {
        this.jid = jid;
    }

    public boolean isFound() {
        return found;
    }

    public boolean isAdmin() {
        return admin;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public List<Contact> getContacts() {
        return contacts;
    }

    public String getVcard() {
        return vcard;
    }

    /** The vCard's common fields (FN, EMAIL, TEL, ...) for the definition list above the raw XML. */
    public List<VCardFields.Field> getVcardFields() {
        return vcardFields;
    }

    public long getOfflineCount() {
        return offlineCount;
    }

    public List<OfflineStore.Stored> getOfflineMessages() {
        return offlineMessages;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public boolean isConfirmingDelete() {
        return confirmingDelete;
    }
}
