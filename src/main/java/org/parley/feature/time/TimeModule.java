package org.parley.feature.time;

import jakarta.enterprise.context.ApplicationScoped;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.parley.xmpp.spi.IqScope;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.spi.ModuleContext;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** XEP-0202 Entity Time of the server: its UTC offset and the UTC time (XEP-0082 formats). */
@ApplicationScoped
public class TimeModule implements Module {
    static final String NS = "urn:xmpp:time";
    private static final DateTimeFormatter TZO = DateTimeFormatter.ofPattern("xxx");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    @Override
    public String name() {
        return "time";
    }

    @Override
    public void start(ModuleContext ctx) {
        ctx.iq(IqScope.HOST, NS, (iq, origin) -> reply(iq, ZonedDateTime.now()));
        ctx.disco().serverFeature(NS);
    }

    static IQ reply(IQ iq, ZonedDateTime now) {
        if (iq.getType() != IQ.Type.get) {
            return ModuleContext.error(iq, PacketError.Condition.bad_request);
        }
        IQ result = IQ.createResultIQ(iq);
        result.setChildElement(time(now));
        return result;
    }

    /** {@code <time><tzo>+02:00</tzo><utc>2024-05-01T10:00:00.000Z</utc></time>}. */
    static Element time(ZonedDateTime now) {
        Element time = DocumentHelper.createElement(QName.get("time", NS));
        time.addElement("tzo", NS).setText(TZO.format(now.getOffset()));
        time.addElement("utc", NS).setText(UTC.format(now.withZoneSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MILLIS)));
        return time;
    }
}
