package org.parley.feature.admin;

import org.parley.feature.adhoc.CommandCall;
import org.parley.feature.adhoc.CommandException;
import org.parley.feature.adhoc.DataForm;
import org.parley.feature.adhoc.FormCommand;
import org.parley.feature.adhoc.Stage;
import org.parley.feature.announce.AnnouncementService;

/** XEP-0133 §4.24-4.26: set-motd (empty form), edit-motd (form shows the current text), delete-motd. */
final class MotdCommand extends FormCommand {
    enum Kind { SET, EDIT, DELETE }

    private final Kind kind;
    private final AnnouncementService announcements;

    MotdCommand(Kind kind, AnnouncementService announcements) {
        super(AdminForms.node(kind.name().toLowerCase() + "-motd"), switch (kind) {
            case SET -> "Set the message of the day";
            case EDIT -> "Edit the message of the day";
            case DELETE -> "Delete the message of the day";
        });
        this.kind = kind;
        this.announcements = announcements;
    }

    @Override
    protected DataForm form(CommandCall call) throws CommandException {
        if (kind == Kind.DELETE) {
            return null;
        }
        String current = null;
        if (kind == Kind.EDIT) {
            try {
                current = announcements.motd(call.domain());
            } catch (RuntimeException e) {
                throw AdminForms.failure(e);
            }
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
        try {
            announcements.setMotd(call.domain(), text);
        } catch (RuntimeException e) {
            throw AdminForms.failure(e);
        }
        return Stage.done(kind == Kind.DELETE ? "Message of the day deleted" : "Message of the day set");
    }
}
