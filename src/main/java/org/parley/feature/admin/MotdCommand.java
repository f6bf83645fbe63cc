package org.parley.feature.admin;

import org.parley.feature.adhoc.CommandCall;
import org.parley.feature.adhoc.CommandException;
import org.parley.feature.adhoc.DataForm;
import org.parley.feature.adhoc.FormCommand;
import org.parley.feature.adhoc.Stage;

import java.util.Map;

/** XEP-0133 §4.24-4.26: set-motd (empty form), edit-motd (form shows the current text), delete-motd. */
final class MotdCommand extends FormCommand {
    enum Kind { SET, EDIT, DELETE }

    private final Kind kind;
    private final RegistryCalls commands;

    MotdCommand(Kind kind, RegistryCalls commands) {
        super(AdminForms.node(kind.name().toLowerCase() + "-motd"), switch (kind) {
            case SET -> "Set the message of the day";
            case EDIT -> "Edit the message of the day";
            case DELETE -> "Delete the message of the day";
        });
        this.kind = kind;
        this.commands = commands;
    }

    @Override
    protected DataForm form(CommandCall call) throws CommandException {
        if (kind == Kind.DELETE) {
            return null;
        }
        String current = null;
        if (kind == Kind.EDIT) {
            current = (String) commands.run(call, "get_motd", Map.of());
            current = current.isEmpty() ? null : current;
        }
        return AdminForms.form(kind == Kind.SET ? "Setting the message of the day"
                        : "Editing the message of the day", "Users see this message when they log in.")
                .textMulti("motd", "Message of the day", true, current);
    }

    @Override
    protected Stage submit(CommandCall call, DataForm form) throws CommandException {
        String text = null;
        if (kind != Kind.DELETE) {
            text = form.text("motd");
            if (text == null) {
                throw CommandException.badPayload("the message of the day is empty");
            }
        }
        if (kind == Kind.DELETE) {
            commands.run(call, "delete_motd", Map.of());
        } else {
            commands.run(call, "set_motd", Map.of("body", text));
        }
        return Stage.done(kind == Kind.DELETE ? "Message of the day deleted" : "Message of the day set");
    }
}
