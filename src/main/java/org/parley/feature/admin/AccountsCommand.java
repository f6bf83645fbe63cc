package org.parley.feature.admin;

import org.parley.feature.adhoc.CommandCall;
import org.parley.feature.adhoc.CommandException;
import org.parley.feature.adhoc.DataForm;
import org.parley.feature.adhoc.FieldType;
import org.parley.feature.adhoc.FormCommand;
import org.parley.feature.adhoc.Note;
import org.parley.feature.adhoc.Stage;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError.Condition;

import java.util.ArrayList;
import java.util.List;

/**
 * A command applied to each account of an 'accountjids' field (delete-user, disable-user, reenable-user,
 * end-user-session). All JIDs are checked before any is touched; a failure of one account becomes a warning
 * note, and the command fails as a whole only when no account could be handled. JIDs are reduced to bare ones
 * unless the command names sessions ({@link Target#SESSIONS}: a full JID ends only that resource's session,
 * XEP-0133 §4.19).
 */
final class AccountsCommand extends FormCommand {

    @FunctionalInterface
    interface Operation {
        /** @return a note for this account, or null */
        String apply(JID account);
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
    private final boolean notOnSelf;
    private final Target target;
    private final Operation operation;

    /** @param notOnSelf refuse the requester's own account (an admin must not lock itself out here) */
    AccountsCommand(String name, String description, String title, String label, boolean notOnSelf,
                    Operation operation) {
        this(name, description, title, label, notOnSelf, Target.ACCOUNTS, operation);
    }

    AccountsCommand(String name, String description, String title, String label, boolean notOnSelf,
                    Target target, Operation operation) {
        super(AdminForms.node(name), description);
        this.title = title;
        this.label = label;
        this.notOnSelf = notOnSelf;
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
        if (notOnSelf && jids.contains(call.requester().jid().asBareJID())) {
            throw new CommandException(Condition.not_allowed, "not applicable to your own account");
        }
        List<Note> notes = new ArrayList<>();
        CommandException firstFailure = null;
        int done = 0;
        for (JID jid : jids) {
            try {
                String note = operation.apply(jid);
                notes.add(Note.info(note != null ? note : jid.toString()));
                done++;
            } catch (RuntimeException e) {
                CommandException f = AdminForms.failure(e);
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
