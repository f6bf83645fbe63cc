package org.parley.feature.adhoc;

import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

/** Renders command replies and errors (XEP-0050 §4). */
public final class CommandXml {
    public static final String NS = "http://jabber.org/protocol/commands";

    private CommandXml() {
    }

    public static IQ reply(IQ request, String node, String sessionId, Stage stage) {
        IQ reply = IQ.createResultIQ(request);
        Element command = reply.setChildElement("command", NS);
        command.addAttribute("node", node);
        if (sessionId != null) {
            command.addAttribute("sessionid", sessionId);
        }
        command.addAttribute("status", stage.status().xml());
        if (stage.status() == Stage.Status.EXECUTING) {
            Element actions = command.addElement("actions");
            actions.addAttribute("execute", stage.execute().xml());
            for (Action a : new Action[] {Action.PREV, Action.NEXT, Action.COMPLETE}) {
                if (stage.actions().contains(a)) {
                    actions.addElement(a.xml());
                }
            }
        }
        for (Note n : stage.notes()) {
            command.addElement("note").addAttribute("type", n.type().name().toLowerCase()).setText(n.text());
        }
        if (stage.form() != null) {
            command.add(stage.form().toElement());
        }
        return reply;
    }

    /** The error reply; the request's own payload is not echoed (it may carry passwords). */
    public static IQ error(IQ request, CommandException e) {
        IQ reply = IQ.createResultIQ(request);
        Element child = request.getChildElement();
        if (child != null) {
            Element copy = child.createCopy();
            copy.clearContent();
            reply.setChildElement(copy);
        }
        PacketError error = new PacketError(e.condition());
        if (e.getMessage() != null) {
            error.setText(e.getMessage());
        }
        if (e.specific() != null) {
            error.setApplicationCondition(e.specific(), NS); // after the text (RFC 6120 §8.3.2 order)
        }
        reply.setError(error);
        return reply;
    }
}
