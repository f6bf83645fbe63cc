package org.parley.feature.adhoc;

/**
 * A XEP-0050 command the server offers at its domains. Features contribute commands through a
 * {@link CommandProvider}; the framework keeps the sessions, checks actions and renders the XML.
 */
public interface AdHocCommand {

    /** The command node, unique per server (e.g. http://jabber.org/protocol/admin#add-user). */
    String node();

    /** Human-readable name shown in the command list. */
    String name();

    /** Whether the requester may see and run the command at {@code domain}; default: admins of that domain. */
    default boolean mayRun(Requester requester, String domain) {
        return requester.isAdminOf(domain);
    }

    /**
     * Runs one stage. Returning an executing stage keeps the session open for the next request; a completed
     * stage ends it. A thrown CommandException is sent as the IQ error and leaves the session where it was.
     */
    Stage execute(CommandCall call) throws CommandException;
}
