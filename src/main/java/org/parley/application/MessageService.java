package org.parley.application;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.parley.api.MessageOperations;
import org.parley.application.command.Commands;
import org.parley.domain.account.AccountException;
import org.parley.domain.account.AccountException.Reason;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Messages an integrator sends on behalf of a local address or of the server: built as a stanza and handed
 * to the router, so they meet the same hooks (privacy, offline storage, carbons...) as a client's message.
 */
@Stateless
@LocalBean
@Local(MessageOperations.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MessageService implements MessageOperations {
    public static final int MAX_BODY = 64 * 1024;

    @EJB
    XmppServerBean xmpp;

    @Inject
    Commands commands;

    @Resource
    SessionContext context;

    /** Routes the message and returns its id. {@code from} and {@code to} must be of served domains. */
    public String send(JID from, JID to, Message.Type type, String subject, String body) {
        if (!xmpp.hosts().isLocal(from.getDomain())) {
            throw new AccountException(Reason.HOST_UNKNOWN, "not a served domain: " + from.getDomain());
        }
        if (!xmpp.hosts().isLocal(to.getDomain())) {
            throw new AccountException(Reason.HOST_UNKNOWN, "not a served domain: " + to.getDomain());
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            throw new AccountException(Reason.INVALID, "a message needs a body of at most " + MAX_BODY
                    + " characters");
        }
        Message m = new Message();
        m.setID(UUID.randomUUID().toString());
        m.setFrom(from);
        m.setTo(to);
        m.setType(type);
        if (subject != null && !subject.isBlank()) {
            m.setSubject(subject);
        }
        m.setBody(body);
        xmpp.server().route(m);
        return m.getID();
    }

    @Override
    public String sendMessage(String from, String to, String type, String subject, String body) {
        authorize(from, to, body);
        return send(jid(from, "from"), jid(to, "to"), type(type), subject, body);
    }

    /** chat (default), normal or headline; INVALID otherwise. */
    /** The policy of send_message for the EJB caller (docs/ejb.md); bad input is left to the checks below. */
    private void authorize(String from, String to, String body) {
        if (from == null || to == null || body == null) {
            return;
        }
        commands.authorize(context.getCallerPrincipal(), "send_message", Map.of("from", from, "to", to,
                "body", body));
    }

    public static Message.Type type(String text) {
        if (text == null) {
            return Message.Type.chat;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "chat" -> Message.Type.chat;
            case "normal" -> Message.Type.normal;
            case "headline" -> Message.Type.headline;
            default -> throw new AccountException(Reason.INVALID, "type is chat, normal or headline");
        };
    }

    private static JID jid(String text, String what) {
        try {
            return new JID(text.trim());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AccountException(Reason.INVALID, what + " is not a valid JID: " + text);
        }
    }
}
