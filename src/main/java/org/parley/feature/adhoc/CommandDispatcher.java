package org.parley.feature.adhoc;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.parley.xmpp.spi.ModuleContext.NodeQuery;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError.Condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Answers &lt;command/&gt; IQs sent to a served domain and lists the commands a requester may run. Plain Java:
 * the module wires it to the router, tests drive it with stanzas.
 */
public final class CommandDispatcher {
    static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";

    private final Map<String, AdHocCommand> byNode = new ConcurrentHashMap<>();
    private final List<AdHocCommand> ordered = new CopyOnWriteArrayList<>();
    private final CommandSessions sessions;
    private final Predicate<JID> isAdmin;

    /** @param isAdmin whether a bare JID is an enabled administrator account (asked per request, not cached) */
    public CommandDispatcher(CommandSessions sessions, Predicate<JID> isAdmin) {
        this.sessions = sessions;
        this.isAdmin = isAdmin;
    }

    public void register(AdHocCommand command) {
        if (byNode.putIfAbsent(command.node(), command) != null) {
            throw new IllegalStateException("command node registered twice: " + command.node());
        }
        ordered.add(command);
    }

    public IQ handle(IQ iq) {
        Element child = iq.getChildElement();
        JID from = iq.getFrom();
        try {
            if (iq.getType() != IQ.Type.set || !"command".equals(child.getName())) {
                throw new CommandException(Condition.bad_request, "commands are executed with IQ set");
            }
            if (from == null || from.getNode() == null) {
                throw new CommandException(Condition.forbidden, "commands are for local accounts");
            }
            String node = child.attributeValue("node");
            AdHocCommand command = node == null ? null : byNode.get(node);
            if (command == null) {
                throw new CommandException(Condition.item_not_found, "no such command");
            }
            String domain = iq.getTo() != null ? iq.getTo().getDomain() : from.getDomain();
            Requester who = new Requester(from, isAdmin.test(from.asBareJID()));
            if (!command.mayRun(who, domain)) {
                throw new CommandException(Condition.forbidden, "not allowed to run this command here");
            }
            DataForm form;
            try {
                form = DataForm.find(child);
            } catch (IllegalArgumentException e) {
                throw CommandException.badPayload(e.getMessage());
            }
            CommandSessions.Reply r = sessions.handle(command, who, domain, child.attributeValue("sessionid"),
                    child.attributeValue("action"), form);
            return CommandXml.reply(iq, node, r.sessionId(), r.stage());
        } catch (CommandException e) {
            return CommandXml.error(iq, e);
        }
    }

    /** disco#items of the commands node: the commands this requester may run at the queried domain. */
    public List<Element> items(NodeQuery query) {
        JID target = query.target();
        JID requester = query.requester();
        if (target == null || target.getNode() != null || requester == null || requester.getNode() == null) {
            return List.of();
        }
        String domain = target.getDomain();
        Requester who = new Requester(requester, isAdmin.test(requester.asBareJID()));
        List<Element> items = new ArrayList<>();
        for (AdHocCommand c : ordered) {
            if (c.mayRun(who, domain)) {
                Element item = DocumentHelper.createElement(QName.get("item", DISCO_ITEMS));
                item.addAttribute("jid", domain);
                item.addAttribute("node", c.node());
                item.addAttribute("name", c.name());
                items.add(item);
            }
        }
        return items;
    }
}
