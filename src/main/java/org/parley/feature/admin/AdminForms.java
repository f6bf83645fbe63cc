package org.parley.feature.admin;

import org.parley.application.AccountService;
import org.parley.domain.account.AccountException;
import org.parley.feature.adhoc.CommandException;
import org.parley.feature.adhoc.DataForm;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError.Condition;

import java.util.ArrayList;
import java.util.List;

/** XEP-0133 form conventions and the mapping of account-service refusals to command errors. */
final class AdminForms {
    static final String FORM_TYPE = "http://jabber.org/protocol/admin";

    private AdminForms() {
    }

    static String node(String name) {
        return FORM_TYPE + "#" + name;
    }

    static DataForm form(String title, String instructions) {
        return DataForm.form(FORM_TYPE).title(title).instructions(instructions);
    }

    static DataForm result() {
        return DataForm.result(FORM_TYPE);
    }

    /** The bare JID of an account of {@code domain} named in a field value. */
    static JID account(String value, String domain) throws CommandException {
        return account(value, domain, false);
    }

    /**
     * The JID of an account of {@code domain} named in a field value: bare, or with its resource when
     * {@code keepResource} and the value names one (end-user-session may end a single session).
     */
    static JID account(String value, String domain, boolean keepResource) throws CommandException {
        if (value == null) {
            throw CommandException.badPayload("an account JID is required");
        }
        JID jid;
        try {
            jid = AccountService.bare(value);
        } catch (AccountException e) {
            throw CommandException.badPayload(e.getMessage());
        }
        if (!jid.getDomain().equals(domain)) {
            throw new CommandException(Condition.forbidden, jid + " is not an account of " + domain);
        }
        String resource = keepResource ? new JID(value).getResource() : null;
        return resource == null ? jid : new JID(jid.getNode(), jid.getDomain(), resource);
    }

    /** The distinct JIDs named in a jid-multi field; see {@link #account(String, String, boolean)}. */
    static List<JID> accounts(List<String> values, String domain, boolean keepResource) throws CommandException {
        if (values.isEmpty()) {
            throw CommandException.badPayload("at least one account JID is required");
        }
        List<JID> jids = new ArrayList<>();
        for (String v : values) {
            JID j = account(v, domain, keepResource);
            if (!jids.contains(j)) {
                jids.add(j);
            }
        }
        return jids;
    }
}
