package org.parley.feature.version;

import jakarta.enterprise.context.ApplicationScoped;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.parley.xmpp.spi.IqScope;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.spi.ModuleContext;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

/** XEP-0092 Software Version of the server. */
@ApplicationScoped
public class VersionModule implements Module {
    static final String NS = "jabber:iq:version";

    @Override
    public String name() {
        return "version";
    }

    @Override
    public void start(ModuleContext ctx) {
        String version = ServerVersion.find(Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : VersionModule.class.getClassLoader());
        String os = ServerVersion.os();
        ctx.iq(IqScope.HOST, NS, (iq, origin) -> reply(iq, version, os));
        ctx.disco().serverFeature(NS);
    }

    static IQ reply(IQ iq, String version, String os) {
        if (iq.getType() != IQ.Type.get) {
            return ModuleContext.error(iq, PacketError.Condition.bad_request);
        }
        IQ result = IQ.createResultIQ(iq);
        result.setChildElement(query(version, os));
        return result;
    }

    static Element query(String version, String os) {
        Element query = DocumentHelper.createElement(QName.get("query", NS));
        query.addElement("name", NS).setText(ServerVersion.TITLE);
        query.addElement("version", NS).setText(version);
        if (os != null) {
            query.addElement("os", NS).setText(os);
        }
        return query;
    }
}
