package org.parley.feature.admin;

import org.parley.feature.adhoc.CommandCall;
import org.parley.feature.adhoc.CommandException;
import org.parley.feature.adhoc.DataForm;
import org.parley.feature.adhoc.FieldType;
import org.parley.feature.adhoc.FormCommand;
import org.parley.feature.adhoc.Stage;
import org.parley.feature.announce.AnnouncementService;

/** XEP-0133 §4.23 announce: a headline to the domain's online users ('subject' is an optional extra). */
final class AnnounceCommand extends FormCommand {
    private final AnnouncementService announcements;

    AnnounceCommand(AnnouncementService announcements) {
        super(AdminForms.node("announce"), "Send an announcement to online users");
        this.announcements = announcements;
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
        int sent;
        try {
            sent = announcements.announce(call.domain(), form.value("subject"), body);
        } catch (RuntimeException e) {
            throw AdminForms.failure(e);
        }
        return Stage.done("Announcement sent to " + sent + " session(s)");
    }
}
