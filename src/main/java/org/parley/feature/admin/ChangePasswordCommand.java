package org.parley.feature.admin;

import org.parley.application.AccountService;
import org.parley.feature.adhoc.CommandCall;
import org.parley.feature.adhoc.CommandException;
import org.parley.feature.adhoc.DataForm;
import org.parley.feature.adhoc.FieldType;
import org.parley.feature.adhoc.FormCommand;
import org.parley.feature.adhoc.Stage;
import org.xmpp.packet.JID;

/** XEP-0133 §4.7 change-user-password. */
final class ChangePasswordCommand extends FormCommand {
    private final AccountService accounts;

    ChangePasswordCommand(AccountService accounts) {
        super(AdminForms.node("change-user-password"), "Change a user's password");
        this.accounts = accounts;
    }

    @Override
    protected DataForm form(CommandCall call) {
        return AdminForms.form("Changing a user password", "Fill out this form to change a user's password.")
                .field("accountjid", FieldType.JID_SINGLE, "The Jabber ID for this account", true)
                .field("password", FieldType.TEXT_PRIVATE, "The password for this account", true);
    }

    @Override
    protected Stage submit(CommandCall call, DataForm form) throws CommandException {
        JID jid = AdminForms.account(form.value("accountjid"), call.domain());
        String password = form.rawValue("password");
        if (password == null) {
            throw CommandException.badPayload("a password is required");
        }
        try {
            accounts.changePassword(jid.toBareJID(), password);
        } catch (RuntimeException e) {
            throw AdminForms.failure(e);
        }
        return Stage.done("Password changed for " + jid.toBareJID());
    }
}
