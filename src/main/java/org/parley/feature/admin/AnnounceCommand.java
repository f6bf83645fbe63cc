package org.parley.feature.admin;

import org.parley.feature.adhoc.CommandCall;
import org.parley.feature.adhoc.CommandException;
import org.parley.feature.adhoc.DataForm;
import org.parley.feature.adhoc.FieldType;
import org.parley.feature.adhoc.FormCommand;
import org.parley.feature.adhoc.Stage;

import java.util.HashMap;
import java.util.Map;

/** XEP-0133 §4.23 announce: a headline to the domain's online users ('subject' is an optional extra). */
final class AnnounceCommand extends FormCommand {
    private final RegistryCalls commands;

    AnnounceCommand(RegistryCalls commands) {
        super(AdminForms.node("announce"), "Send an announcement to online users");
        this.commands = commands;
    }

    @Override
    protected DataForm form(CommandCall call) {
        return AdminForms.form("Making an announcement",
                        "Fill out this form to make an announcement to all active users of this service.")
                .field("subject", FieldType.TEXT_SINGLE, "Subject", false)
                .textMulti("announcement", "Announcement", true, null);
    }

    @Override
    protected Stage submit(CommandCall call, DataForm form) throws CommandException {
        String body = form.text("announcement");
        if (body == null) {
            throw CommandException.badPayload("the announcement is empty");
        }
        Map<String, Object> args = new HashMap<>();
        args.put("body", body);
        if (form.value("subject") != null) {
            args.put("subject", form.value("subject"));
        }
        long sent = (Long) commands.run(call, "announce", args);
        return Stage.done("Announcement sent to " + sent + " session(s)");
    }
}
