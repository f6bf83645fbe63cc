package org.parley.feature.disco;

import org.dom4j.Element;
import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.ModuleContext.Identity;
import org.parley.xmpp.spi.ModuleContext.Item;
import org.parley.xmpp.spi.Sessions;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * disco#info and disco#items of an account's bare JID, answered by the server on the account's behalf
 * (XEP-0030 §3, RFC 6120 §10.3.3). Items are the available resources, shown to the user only.
 */
final class AccountDisco {
    static final Identity REGISTERED = new Identity("account", "registered", null);

    private final ModuleContext.Disco disco;
    private final Predicate<JID> accountExists;
    private final Sessions sessions;

    AccountDisco(ModuleContext.Disco disco, Predicate<JID> accountExists, Sessions sessions) {
        this.disco = disco;
        this.accountExists = accountExists;
        this.sessions = sessions;
    }

    IQ info(IQ iq) {
        IQ refused = refuse(iq);
        if (refused != null) {
            return refused;
        }
        Set<String> features = new HashSet<>(disco.accountFeatures());
        features.add(DiscoXml.INFO);
        features.add(DiscoXml.ITEMS);
        return result(iq, DiscoXml.info(null, List.of(REGISTERED), features));
    }

    IQ items(IQ iq) {
        IQ refused = refuse(iq);
        if (refused != null) {
            return refused;
        }
        JID account = account(iq);
        List<Item> items = new ArrayList<>();
        if (iq.getFrom() != null && account.equals(iq.getFrom().asBareJID())) {
            for (ClientSessionView s : sessions.of(account)) {
                if (s.isAvailable()) {
                    items.add(new Item(s.jid().toString(), null));
                }
            }
        }
        return result(iq, DiscoXml.items(null, items));
    }

    /** The error for requests this class does not answer, or null. */
    private IQ refuse(IQ iq) {
        if (iq.getType() != IQ.Type.get) {
            return ModuleContext.error(iq, PacketError.Condition.bad_request);
        }
        JID account = account(iq);
        if (account == null || !accountExists.test(account)) {
            return ModuleContext.error(iq, PacketError.Condition.service_unavailable);
        }
        if (iq.getChildElement().attributeValue("node") != null) {
            return ModuleContext.error(iq, PacketError.Condition.item_not_found);
        }
        return null;
    }

    /** The account asked: 'to', or the sender's own when the IQ has no 'to'. */
    private static JID account(IQ iq) {
        JID jid = iq.getTo() != null ? iq.getTo() : iq.getFrom();
        return jid == null || jid.getNode() == null ? null : jid.asBareJID();
    }

    private static IQ result(IQ iq, Element query) {
        IQ result = IQ.createResultIQ(iq);
        result.setChildElement(query);
        return result;
    }
}
