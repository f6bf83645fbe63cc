package org.parley.feature.offline;

import org.dom4j.Element;
import org.xmpp.packet.Message;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** XEP-0203 delayed delivery: {@code <delay xmlns='urn:xmpp:delay' from='DOMAIN' stamp='...Z'/>}. */
final class DelayStamp {
    static final String NS = "urn:xmpp:delay";
    /** XEP-0082 DateTime, UTC, milliseconds. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private DelayStamp() {
    }

    /** @param utc when the server stored the message, in UTC */
    static String format(LocalDateTime utc) {
        return STAMP.format(utc);
    }

    static void add(Message m, String from, LocalDateTime utc) {
        Element delay = m.addChildElement("delay", NS);
        delay.addAttribute("from", from);
        delay.addAttribute("stamp", format(utc));
    }
}
