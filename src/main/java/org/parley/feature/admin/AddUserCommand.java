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

/** XEP-0133 §4.1 add-user. The e-mail field is accepted but not stored (accounts have no e-mail). */
final class AddUserCommand extends FormCommand {
    private final RegistryCalls commands;

    AddUserCommand(RegistryCalls commands) {
        super(AdminForms.node("add-user"), "Add a user");
        this.commands = commands;
    }

    @Override
    protected DataForm form(CommandCall call) {
        return AdminForms.form("Adding a user", "Fill out this form to add a user.")
                .field("accountjid", FieldType.JID_SINGLE, "The Jabber ID for the account to be added", true)
                .field("password", FieldType.TEXT_PRIVATE, "The password for this account", true)
                .field("password-verify", FieldType.TEXT_PRIVATE, "Retype password", true)
                .field("email", FieldType.TEXT_SINGLE, "Email address", false);
    }

    @Override
    protected Stage submit(CommandCall call, DataForm form) throws CommandException {
        JID jid = AdminForms.account(form.value("accountjid"), call.domain());
        String password = form.rawValue("password");
        if (password == null) {
            throw CommandException.badPayload("a password is required");
        }
        String verify = form.rawValue("password-verify");
        if (verify != null && !verify.equals(password)) {
            throw CommandException.badPayload("the passwords do not match");
        }
        Map<String, Object> args = CommandArgs.account(jid);
        args.put("password", password);
        commands.run(call, "register", args);
        return Stage.done("Account created: " + jid.toBareJID());
    }
}
