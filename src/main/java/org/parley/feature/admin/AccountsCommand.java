package org.parley.feature.admin;

import org.parley.feature.adhoc.CommandCall;
import org.parley.feature.adhoc.CommandException;
import org.parley.feature.adhoc.DataForm;
import org.parley.feature.adhoc.FieldType;
import org.parley.feature.adhoc.FormCommand;
import org.parley.feature.adhoc.Note;
import org.parley.feature.adhoc.Stage;
import org.xmpp.packet.JID;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A command applied to each account of an 'accountjids' field (delete-user, disable-user, reenable-user,
 * end-user-session). All JIDs are checked before any is touched; a failure of one account becomes a warning
 * note, and the command fails as a whole only when no account could be handled. JIDs are reduced to bare ones
 * unless the command names sessions ({@link Target#SESSIONS}: a full JID ends only that resource's session,
 * XEP-0133 §4.19).
 */
final class AccountsCommand extends FormCommand {

    /** The admin command for one JID of the field, and the note for its result. */
    interface Operation {
        String command(JID jid);

        Map<String, Object> args(JID jid);

        String note(JID jid, Object result);
    }

    /** What the JIDs of the field name. */
    enum Target {
        /** an account: any resource is dropped */
        ACCOUNTS,
        /** all sessions of an account (bare JID) or one session (full JID) */
        SESSIONS
    }

    private final String title;
    private final String label;
    private final RegistryCalls commands;
    private final Target target;
    private final Operation operation;

    AccountsCommand(String name, String description, String title, String label, RegistryCalls commands,
                    Target target, Operation operation) {
        super(AdminForms.node(name), description);
        this.title = title;
        this.label = label;
        this.commands = commands;
        this.target = target;
        this.operation = operation;
    }

    @Override
    protected DataForm form(CommandCall call) {
        return AdminForms.form(title, "Fill out this form.")
                .field("accountjids", FieldType.JID_MULTI, label, true);
    }

    @Override
    protected Stage submit(CommandCall call, DataForm form) throws CommandException {
        List<JID> jids = AdminForms.accounts(form.values("accountjids"), call.domain(),
                target == Target.SESSIONS);
        for (JID jid : jids) {
            // the command's policy (and its guard against one's own account) for every account before any runs
            commands.authorize(call, operation.command(jid), operation.args(jid));
        }
        List<Note> notes = new ArrayList<>();
        CommandException firstFailure = null;
        int done = 0;
        for (JID jid : jids) {
            try {
                Object result = commands.run(call, operation.command(jid), operation.args(jid));
                notes.add(Note.info(operation.note(jid, result)));
                done++;
            } catch (CommandException f) {
                firstFailure = firstFailure == null ? f : firstFailure;
                notes.add(Note.warn(jid + ": " + f.getMessage()));
            }
        }
        if (done == 0) {
            throw firstFailure;
        }
        return Stage.completed(null, notes.toArray(Note[]::new));
    }
}
