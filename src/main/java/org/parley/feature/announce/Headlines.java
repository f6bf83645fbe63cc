package org.parley.feature.announce;

import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/** The messages the server sends in its own name to users: announcements and the message of the day. */
public final class Headlines {
    public static final String MOTD_SUBJECT = "Message of the day";

    private Headlines() {
    }

    /** A headline from the domain: shown now, never stored offline (RFC 6121 §5.2.2). */
    public static Message headline(String domain, JID to, String subject, String body) {
        Message m = new Message();
        m.setType(Message.Type.headline);
        m.setFrom(domain);
        m.setTo(to);
        if (subject != null && !subject.isBlank()) {
            m.setSubject(subject);
        }
        m.setBody(body);
        return m;
    }

    public static Message motd(String domain, JID to, String text) {
        return headline(domain, to, MOTD_SUBJECT, text);
    }
}
