package org.parley.feature.admin;

import org.parley.feature.adhoc.CommandCall;
import org.parley.feature.adhoc.CommandException;
import org.parley.feature.adhoc.DataForm;
import org.parley.feature.adhoc.FieldType;
import org.parley.feature.adhoc.FormCommand;
import org.parley.feature.adhoc.Stage;

import java.util.List;
import java.util.stream.Stream;

/** A list of account JIDs of the domain, limited by the 'max_items' field (e.g. get-online-users-list). */
final class UserListCommand extends FormCommand {
    /** What 'none' (no limit) means: results stay one reasonable stanza. */
    static final int HARD_LIMIT = 10_000;

    @FunctionalInterface
    interface Lister {
        List<String> list(CommandCall call, int max) throws CommandException;
    }

    private final String title;
    private final String var;
    private final String label;
    private final Lister lister;

    UserListCommand(String name, String description, String title, String var, String label, Lister lister) {
        super(AdminForms.node(name), description);
        this.title = title;
        this.var = var;
        this.label = label;
        this.lister = lister;
    }

    @Override
    protected DataForm form(CommandCall call) {
        List<DataForm.Option> options = Stream.of("25", "50", "75", "100", "150", "200", "none")
                .map(v -> new DataForm.Option("none".equals(v) ? "None" : v, v)).toList();
        return AdminForms.form(title, "Choose how many users to show.")
                .listSingle("max_items", "Maximum number of items to show", "100", options);
    }

    @Override
    protected Stage submit(CommandCall call, DataForm form) throws CommandException {
        int max = maxItems(form.value("max_items"));
        List<String> jids = lister.list(call, max);
        return Stage.completed(AdminForms.result().multi(var, FieldType.JID_MULTI, label, jids));
    }

    static int maxItems(String value) throws CommandException {
        if (value == null || "none".equals(value)) {
            return HARD_LIMIT;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw CommandException.badPayload("max_items must be positive");
            }
            return Math.min(n, HARD_LIMIT);
        } catch (NumberFormatException e) {
            throw CommandException.badPayload("max_items must be a number or none");
        }
    }
}
