package org.parley.feature.vcard;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.parley.xmpp.spi.IqHandler;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.Origin;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * vcard-temp get and set (XEP-0054 §3). One's own vCard: the stored one, or an empty {@code <vCard/>}.
 * Another user's: theirs, or item-not-found whether the vCard or the account is missing (one answer for
 * both, so vCard requests do not reveal which accounts exist). Set: one's own only, at most maxBytes.
 */
final class VCardRequests implements IqHandler {
    static final String NS = "vcard-temp";

    private final Function<String, Optional<String>> load;
    private final BiConsumer<String, String> save;
    private final Predicate<JID> accountExists;
    private final int maxBytes;

    VCardRequests(Function<String, Optional<String>> load, BiConsumer<String, String> save,
                  Predicate<JID> accountExists, int maxBytes) {
        this.load = load;
        this.save = save;
        this.accountExists = accountExists;
        this.maxBytes = maxBytes;
    }

    @Override
    public IQ handle(IQ iq, Origin origin) {
        JID from = iq.getFrom();
        if (from == null || from.getNode() == null) {
            return ModuleContext.error(iq, PacketError.Condition.service_unavailable);
        }
        JID self = from.asBareJID();
        JID target = iq.getTo() == null ? self : iq.getTo().asBareJID();
        Element child = iq.getChildElement();
        if (!"vCard".equals(child.getName())) {
            return ModuleContext.error(iq, PacketError.Condition.bad_request);
        }
        if (iq.getType() == IQ.Type.set) {
            return target.equals(self) ? set(iq, self, child) : ModuleContext.error(iq, PacketError.Condition.forbidden);
        }
        Optional<String> stored = target.equals(self) || accountExists.test(target)
                ? load.apply(target.toBareJID()) : Optional.empty();
        if (stored.isEmpty() && !target.equals(self)) {
            return ModuleContext.error(iq, PacketError.Condition.item_not_found);
        }
        IQ result = IQ.createResultIQ(iq);
        result.setChildElement(stored.map(StoredXml::parse).orElseGet(VCardRequests::empty));
        return result;
    }

    private IQ set(IQ iq, JID self, Element vcard) {
        String xml = StoredXml.toXml(vcard);
        if (xml.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            IQ error = IQ.createResultIQ(iq); // without the oversized payload echoed back
            error.setError(new PacketError(PacketError.Condition.not_acceptable, PacketError.Type.modify,
                    "vCard larger than " + maxBytes + " bytes"));
            return error;
        }
        save.accept(self.toBareJID(), xml);
        return IQ.createResultIQ(iq);
    }

    static Element empty() {
        return DocumentHelper.createElement(QName.get("vCard", NS));
    }
}
