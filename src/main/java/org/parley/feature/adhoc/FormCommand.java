package org.parley.feature.adhoc;

/**
 * The common command shape: the first request returns a form (or runs at once when the command needs no
 * input), the submitted form completes it.
 */
public abstract class FormCommand implements AdHocCommand {
    private final String node;
    private final String name;

    protected FormCommand(String node, String name) {
        this.node = node;
        this.name = name;
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public String name() {
        return name;
    }

    /** The form to fill, or null when the command needs no input. */
    protected abstract DataForm form(CommandCall call) throws CommandException;

    /** Does the work with the submitted form (null when {@link #form} returned null). */
    protected abstract Stage submit(CommandCall call, DataForm submitted) throws CommandException;

    @Override
    public Stage execute(CommandCall call) throws CommandException {
        if (call.stage() == 0) {
            if (call.form() != null && call.form().type() != DataForm.Type.FORM) {
                return submit(call, call.form()); // a client that already knows the form may submit at once
            }
            DataForm form = form(call);
            return form == null ? submit(call, null) : Stage.ask(form);
        }
        // XEP-0050 §4.2.1: a form of type cancel counts as submit
        if (call.form() == null || call.form().type() == DataForm.Type.FORM
                || call.form().type() == DataForm.Type.RESULT) {
            throw CommandException.badPayload("submit the form");
        }
        return submit(call, call.form());
    }
}
