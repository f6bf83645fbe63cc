package org.parley.feature.register;

import org.dom4j.Element;
import org.parley.application.AccountService;
import org.parley.domain.account.AccountException;
import org.parley.feature.admin.AccountErrors;
import org.parley.xmpp.spi.Hosts;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

import java.util.List;

/**
 * XEP-0077 in-band registration over the account service: account creation before authentication (only where
 * the domain allows registration), and after authentication the registration info, password change and
 * cancellation of one's own account.
 */
final class Registration {
    static final String NS = "jabber:iq:register";
    static final String INSTRUCTIONS = "Choose a username and password to register with this server.";

    private final Hosts hosts;
    private final AccountService accounts;
    private final RegistrationLimit limit;

    Registration(Hosts hosts, AccountService accounts, RegistrationLimit limit) {
        this.hosts = hosts;
        this.accounts = accounts;
        this.limit = limit;
    }

    /**
     * An IQ on a stream that has not authenticated; 'to' is the stream's domain, there is no 'from'. Returns null
     * for results and errors (never answered; the stream then ends, as for any other pre-auth stanza).
     */
    IQ beforeAuth(IQ iq) {
        if (iq.getType() != IQ.Type.get && iq.getType() != IQ.Type.set) {
            return null;
        }
        String domain = iq.getTo().getDomain();
        Element query = iq.getChildElement();
        if (!hosts.settings(domain).get(RegistrationSettings.REGISTRATION_ENABLED)) {
            return error(iq, Condition.service_unavailable, null); // §3.1: the host offers no in-band registration
        }
        if (!"query".equals(query.getName())) {
            return error(iq, Condition.bad_request, null);
        }
        if (iq.getType() == IQ.Type.get) {
            IQ reply = IQ.createResultIQ(iq);
            Element q = reply.setChildElement("query", NS);
            q.addElement("instructions").setText(INSTRUCTIONS);
            q.addElement("username");
            q.addElement("password");
            return reply;
        }
        if (query.element("remove") != null) {
            return error(iq, Condition.unexpected_request, "authenticate to cancel a registration");
        }
        String username = query.elementText("username");
        String password = query.elementText("password");
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return error(iq, Condition.not_acceptable, "username and password are required");
        }
        JID jid;
        try {
            jid = new JID(username.trim(), domain, null);
        } catch (IllegalArgumentException e) {
            return error(iq, Condition.not_acceptable, "invalid username");
        }
        if (!limit.tryAcquire(domain)) {
            return error(iq, Condition.resource_constraint, "too many registrations, try again later");
        }
        try {
            accounts.register(jid.toBareJID(), password, false);
        } catch (RuntimeException e) {
            return failure(iq, e);
        }
        return IQ.createResultIQ(iq);
    }

    /** An IQ of an authenticated user to its domain (or without 'to'). */
    IQ afterAuth(IQ iq) {
        JID from = iq.getFrom();
        String domain = iq.getTo() != null ? iq.getTo().getDomain() : from.getDomain();
        Element query = iq.getChildElement();
        if (from == null || from.getNode() == null || !domain.equals(from.getDomain())) {
            return error(iq, Condition.not_allowed, "registration is with your own server only");
        }
        if (!"query".equals(query.getName())) {
            return error(iq, Condition.bad_request, null);
        }
        JID bare = from.asBareJID();
        if (iq.getType() == IQ.Type.get) {
            IQ reply = IQ.createResultIQ(iq);
            Element q = reply.setChildElement("query", NS);
            q.addElement("instructions").setText("You are registered. Send a new password to change it.");
            q.addElement("registered");
            q.addElement("username").setText(from.getNode());
            q.addElement("password");
            return reply;
        }
        if (query.element("remove") != null) {
            List<Element> children = query.elements();
            if (children.size() != 1) {
                return error(iq, Condition.bad_request, "remove must be the only child");
            }
            try {
                // ends the account's sessions with not-authorized after this reply (XEP-0077 §3.2)
                accounts.unregister(bare.toBareJID());
            } catch (RuntimeException e) {
                return failure(iq, e);
            }
            return IQ.createResultIQ(iq);
        }
        return changePassword(iq, query, bare);
    }

    private IQ changePassword(IQ iq, Element query, JID bare) {
        String username = query.elementText("username");
        String password = query.elementText("password");
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            // an empty password never replaces the current one (§3.3)
            return error(iq, Condition.bad_request, "username and password are required");
        }
        if (!sameAccount(username.trim(), bare)) {
            return error(iq, Condition.forbidden, "you can change your own password only");
        }
        try {
            accounts.changePassword(bare.toBareJID(), password);
        } catch (RuntimeException e) {
            return failure(iq, e);
        }
        return IQ.createResultIQ(iq);
    }

    /** The username element names the account either by its local part or by its bare JID. */
    private static boolean sameAccount(String username, JID bare) {
        try {
            JID named = username.contains("@") ? new JID(username).asBareJID()
                    : new JID(username, bare.getDomain(), null);
            return named.equals(bare);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static IQ failure(IQ iq, RuntimeException e) {
        AccountException a = AccountErrors.cause(e).orElseThrow(() -> e);
        Condition c = switch (a.reason()) {
            case CONFLICT -> Condition.conflict;
            case INVALID -> Condition.not_acceptable;
            case NOT_FOUND -> Condition.registration_required;
            case HOST_UNKNOWN -> Condition.service_unavailable;
        };
        return error(iq, c, a.getMessage());
    }

    /** An error reply with an empty query: the request is not echoed, it carries a password (§3.3). */
    static IQ error(IQ iq, Condition condition, String text) {
        IQ reply = IQ.createResultIQ(iq);
        reply.setChildElement("query", NS);
        reply.setError(text == null ? new PacketError(condition)
                : new PacketError(condition, condition.getDefaultType(), text));
        return reply;
    }
}
