package org.parley.feature.time;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeModuleTest {

    @Test
    void utcAndOffsetInXep0082Form() {
        ZonedDateTime now = ZonedDateTime.of(LocalDateTime.of(2006, 12, 19, 11, 58, 35, 123_456_789),
                ZoneId.of("America/Denver"));
        Element time = TimeModule.time(now);
        assertEquals(TimeModule.NS, time.getNamespaceURI());
        assertEquals("-07:00", time.elementText("tzo"));
        assertEquals("2006-12-19T18:58:35.123Z", time.elementText("utc"));
    }

    @Test
    void utcOffsetIsWrittenAsNumbers() {
        Element time = TimeModule.time(ZonedDateTime.of(LocalDateTime.of(2024, 1, 1, 0, 0), ZoneOffset.UTC));
        assertEquals("+00:00", time.elementText("tzo"));
        assertEquals("2024-01-01T00:00:00.000Z", time.elementText("utc"));
    }

    @Test
    void getIsAnsweredSetIsNot() {
        IQ get = new IQ(IQ.Type.get);
        get.setChildElement("time", TimeModule.NS);
        assertEquals(IQ.Type.result, TimeModule.reply(get, ZonedDateTime.now()).getType());
        get.setType(IQ.Type.set);
        assertEquals(PacketError.Condition.bad_request, TimeModule.reply(get, ZonedDateTime.now()).getError().getCondition());
    }
}
