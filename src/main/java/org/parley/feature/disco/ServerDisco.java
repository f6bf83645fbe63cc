package org.parley.feature.disco;

import org.dom4j.Element;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.ModuleContext.Identity;
import org.parley.xmpp.spi.ModuleContext.NodeQuery;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * disco#info and disco#items of a served domain, rendered from what the modules registered. Nodes are
 * answered by the module that registered them; info of a node follows XEP-0050 for the ad-hoc command list
 * and the commands it lists (the only nodes modules register items for).
 */
final class ServerDisco {
    static final Identity SERVER = new Identity("server", "im", "Parley");
    static final String COMMANDS = "http://jabber.org/protocol/commands";

    private final ModuleContext.Disco disco;
    private final ServerCaps caps;

    ServerDisco(ModuleContext.Disco disco) {
        this.disco = disco;
        this.caps = new ServerCaps(disco, this::serverInfo);
    }

    /** The host's entity capabilities, hashed from {@link #serverInfo(String)}. */
    ServerCaps caps() {
        return caps;
    }

    IQ info(IQ iq) {
        if (iq.getType() != IQ.Type.get) {
            return ModuleContext.error(iq, PacketError.Condition.bad_request);
        }
        String node = iq.getChildElement().attributeValue("node");
        JID target = target(iq);
        Element query;
        if (node == null) {
            query = serverInfo(target == null ? null : target.getDomain());
        } else if (target != null && caps.isCurrentNode(target.getDomain(), node)) {
            // XEP-0115 §6.2: node#ver of our <c/> stands for the host's own disco#info
            query = serverInfo(target.getDomain());
            query.addAttribute("node", node);
        } else {
            query = nodeInfo(new NodeQuery(iq.getFrom(), target, node));
        }
        if (query == null) {
            return ModuleContext.error(iq, PacketError.Condition.item_not_found);
        }
        return result(iq, query);
    }

    IQ items(IQ iq) {
        if (iq.getType() != IQ.Type.get) {
            return ModuleContext.error(iq, PacketError.Condition.bad_request);
        }
        String node = iq.getChildElement().attributeValue("node");
        if (node == null) {
            return result(iq, DiscoXml.items(null, disco.serverItems()));
        }
        Function<NodeQuery, List<Element>> items = disco.node(node);
        if (items == null) {
            return ModuleContext.error(iq, PacketError.Condition.item_not_found);
        }
        List<Element> list = items.apply(new NodeQuery(iq.getFrom(), target(iq), node));
        return result(iq, DiscoXml.nodeItems(node, list == null ? List.of() : list));
    }

    /** The domain's disco#info: identities, features and the extended forms of the domain (XEP-0128). */
    Element serverInfo(String domain) {
        List<Identity> identities = new ArrayList<>();
        identities.add(SERVER);
        identities.addAll(disco.serverIdentities());
        Set<String> features = new HashSet<>(disco.serverFeatures());
        features.add(DiscoXml.INFO);
        features.add(DiscoXml.ITEMS);
        Element query = DiscoXml.info(null, identities, features);
        for (Element form : domain == null ? List.<Element>of() : disco.serverForms(domain)) {
            query.add(form.createCopy());
        }
        return query;
    }

    /** Info of a node, or null if no module answers it for this requester. */
    Element nodeInfo(NodeQuery q) {
        Function<NodeQuery, List<Element>> items = disco.node(q.node());
        if (items != null) {
            List<Identity> identities = COMMANDS.equals(q.node())
                    ? List.of(new Identity("automation", "command-list", "Commands")) : List.of();
            return DiscoXml.info(q.node(), identities, Set.of(DiscoXml.INFO, DiscoXml.ITEMS));
        }
        Function<NodeQuery, List<Element>> commands = disco.node(COMMANDS);
        if (commands != null) {
            List<Element> listed = commands.apply(new NodeQuery(q.requester(), q.target(), COMMANDS));
            if (listed != null && listed.stream().anyMatch(e -> q.node().equals(e.attributeValue("node")))) {
                return DiscoXml.info(q.node(), List.of(new Identity("automation", "command-node", null)),
                        Set.of(DiscoXml.INFO, COMMANDS, "jabber:x:data"));
            }
        }
        return null;
    }

    /** The domain asked (no 'to' reaches HOST handlers only when addressed to the sender's server). */
    private static JID target(IQ iq) {
        if (iq.getTo() != null) {
            return iq.getTo();
        }
        return iq.getFrom() == null ? null : new JID(null, iq.getFrom().getDomain(), null);
    }

    private static IQ result(IQ iq, Element query) {
        IQ result = IQ.createResultIQ(iq);
        result.setChildElement(query);
        return result;
    }
}
