package org.parley.feature.admin;

import org.parley.feature.adhoc.CommandCall;
import org.parley.feature.adhoc.DataForm;
import org.parley.feature.adhoc.FieldType;
import org.parley.feature.adhoc.FormCommand;
import org.parley.feature.adhoc.Stage;

import java.util.function.ToLongFunction;

/** A statistic of the domain, returned at once as a result form (e.g. get-registered-users-num). */
final class CountCommand extends FormCommand {
    private final String var;
    private final String label;
    private final ToLongFunction<String> count;

    CountCommand(String name, String description, String var, String label, ToLongFunction<String> count) {
        super(AdminForms.node(name), description);
        this.var = var;
        this.label = label;
        this.count = count;
    }

    @Override
    protected DataForm form(CommandCall call) {
        return null;
    }

    @Override
    protected Stage submit(CommandCall call, DataForm ignored) {
        long n = count.applyAsLong(call.domain());
        return Stage.completed(AdminForms.result()
                .field(var, FieldType.TEXT_SINGLE, label, false, Long.toString(n)));
    }
}
