package org.parley.feature.adhoc;

import org.xmpp.packet.PacketError.Condition;

/**
 * A command request refused with an IQ error: a stanza error condition plus, where XEP-0050 §4.6 names one,
 * its specific condition in the commands namespace (bad-action, bad-sessionid, ...).
 */
public class CommandException extends Exception {
    private final Condition condition;
    private final String specific;

    public CommandException(Condition condition, String specific, String text) {
        super(text);
        this.condition = condition;
        this.specific = specific;
    }

    public CommandException(Condition condition, String text) {
        this(condition, null, text);
    }

    /** bad-request with bad-payload: the submitted form is missing a field or has a bad value. */
    public static CommandException badPayload(String text) {
        return new CommandException(Condition.bad_request, "bad-payload", text);
    }

    public Condition condition() {
        return condition;
    }

    /** Specific condition element name in http://jabber.org/protocol/commands, or null. */
    public String specific() {
        return specific;
    }
}
