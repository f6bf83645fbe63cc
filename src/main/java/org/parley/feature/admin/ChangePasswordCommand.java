package org.parley.feature.admin;

import org.parley.application.command.CommandArgs;
import org.parley.feature.adhoc.CommandCall;
import org.parley.feature.adhoc.CommandException;
import org.parley.feature.adhoc.DataForm;
import org.parley.feature.adhoc.FieldType;
import org.parley.feature.adhoc.FormCommand;
import org.parley.feature.adhoc.Stage;
import org.xmpp.packet.JID;

import java.util.Map;

/** XEP-0133 §4.7 change-user-password. */
final class ChangePasswordCommand extends FormCommand {
    private final RegistryCalls commands;

    ChangePasswordCommand(RegistryCalls commands) {
        super(AdminForms.node("change-user-password"), "Change a user's password");
        this.commands = commands;
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
        Map<String, Object> args = CommandArgs.account(jid);
        args.put("newpass", password);
        commands.run(call, "change_password", args);
        return Stage.done("Password changed for " + jid.toBareJID());
    }
}
