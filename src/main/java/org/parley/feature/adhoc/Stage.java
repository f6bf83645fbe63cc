package org.parley.feature.adhoc;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What one step of a command returns: its status, an optional form (to fill, or a result), notes and, while
 * executing, the actions allowed next with the one 'execute' stands for (XEP-0050 §3.4).
 */
public record Stage(Status status, DataForm form, List<Note> notes, Set<Action> actions, Action execute) {

    public enum Status {
        EXECUTING, COMPLETED, CANCELED;

        public String xml() {
            return name().toLowerCase();
        }
    }

    public Stage {
        notes = List.copyOf(notes);
        actions = actions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actions));
        if (status == Status.EXECUTING) {
            if (actions.isEmpty() || execute == null || !actions.contains(execute)) {
                throw new IllegalArgumentException("an executing stage needs allowed actions including its default");
            }
            if (actions.contains(Action.EXECUTE) || actions.contains(Action.CANCEL)) {
                throw new IllegalArgumentException("execute and cancel are implied, not listed");
            }
        } else if (!actions.isEmpty()) {
            throw new IllegalArgumentException("a finished stage has no actions");
        }
    }

    /** A form to fill and submit with 'complete' (or 'execute'): the usual single-form command. */
    public static Stage ask(DataForm form) {
        return new Stage(Status.EXECUTING, form, List.of(), Set.of(Action.COMPLETE), Action.COMPLETE);
    }

    /** An intermediate stage of a wizard. */
    public static Stage executing(DataForm form, Action execute, Set<Action> allowed) {
        return new Stage(Status.EXECUTING, form, List.of(), allowed, execute);
    }

    public static Stage completed(DataForm result, Note... notes) {
        return new Stage(Status.COMPLETED, result, List.of(notes), Set.of(), null);
    }

    public static Stage done(String info) {
        return completed(null, Note.info(info));
    }

    public static Stage canceled() {
        return new Stage(Status.CANCELED, null, List.of(), Set.of(), null);
    }
}
