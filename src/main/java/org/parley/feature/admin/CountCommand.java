package org.parley.feature.admin;

import org.parley.feature.adhoc.CommandCall;
import org.parley.feature.adhoc.CommandException;
import org.parley.feature.adhoc.DataForm;
import org.parley.feature.adhoc.FieldType;
import org.parley.feature.adhoc.FormCommand;
import org.parley.feature.adhoc.Stage;

import java.util.Map;

/** A statistic of the domain (the command stats_host), returned at once as a result form. */
final class CountCommand extends FormCommand {
    private final String var;
    private final String label;
    private final RegistryCalls commands;
    private final String stat;

    /** @param stat the stats_host statistic (registeredusers, onlineusers) */
    CountCommand(String name, String description, String var, String label, RegistryCalls commands, String stat) {
        super(AdminForms.node(name), description);
        this.var = var;
        this.label = label;
        this.commands = commands;
        this.stat = stat;
    }

    @Override
    protected DataForm form(CommandCall call) {
        return null;
    }

    @Override
    protected Stage submit(CommandCall call, DataForm ignored) throws CommandException {
        long n = (Long) commands.run(call, "stats_host", Map.of("name", stat));
        return Stage.completed(AdminForms.result()
                .field(var, FieldType.TEXT_SINGLE, label, false, Long.toString(n)));
    }
}
