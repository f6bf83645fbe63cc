package org.parley.feature.ping;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PingModuleTest {

    private static IQ ping(String from, String to) {
        IQ iq = new IQ(IQ.Type.get);
        iq.setFrom(from);
        if (to != null) {
            iq.setTo(to);
        }
        iq.setChildElement("ping", PingModule.NS);
        return iq;
    }

    @Test
    void serverAnswersWithAnEmptyResult() {
        IQ result = PingModule.pong(ping("juliet@capulet.com/balcony", "capulet.com"));
        assertEquals(IQ.Type.result, result.getType());
        assertNull(result.getChildElement());
        assertEquals("capulet.com", result.getFrom().toString());
    }

    @Test
    void pingToAnAccountIsAnsweredIfItExists() {
        assertEquals(IQ.Type.result, PingModule.pongForAccount(ping("romeo@montague.net/x", "juliet@capulet.com"),
                jid -> true).getType());
        assertEquals(IQ.Type.result, PingModule.pongForAccount(ping("juliet@capulet.com/x", null),
                jid -> true).getType());
        assertEquals(PacketError.Condition.service_unavailable, PingModule.pongForAccount(
                ping("romeo@montague.net/x", "ghost@capulet.com"), jid -> false).getError().getCondition());
    }
}
