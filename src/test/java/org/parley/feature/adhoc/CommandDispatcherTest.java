package org.parley.feature.adhoc;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.parley.xmpp.spi.ModuleContext.NodeQuery;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandDispatcherTest {
    static final Set<JID> ADMINS = Set.of(new JID("admin@example.org"), new JID("boss@other.org"));

    /** Asks for 'name', completes with a note. */
    static final class Greet extends FormCommand {
        String greeted;

        Greet() {
            super("urn:test#greet", "Greet");
        }

        @Override
        protected DataForm form(CommandCall call) {
            return DataForm.form("urn:test").field("name", FieldType.TEXT_SINGLE, "Name", true);
        }

        @Override
        protected Stage submit(CommandCall call, DataForm form) throws CommandException {
            String name = form.value("name");
            if (name == null) {
                throw CommandException.badPayload("name is required");
            }
            greeted = name;
            return Stage.done("Hello " + name);
        }
    }

    /** Anyone may run it. */
    static final class Time extends FormCommand {
        Time() {
            super("urn:test#time", "Time");
        }

        @Override
        public boolean mayRun(Requester requester, String domain) {
            return true;
        }

        @Override
        protected DataForm form(CommandCall call) {
            return null;
        }

        @Override
        protected Stage submit(CommandCall call, DataForm ignored) {
            return Stage.completed(DataForm.result(null).field("t", FieldType.TEXT_SINGLE, null, false, "noon"));
        }
    }

    final Greet greet = new Greet();
    final CommandDispatcher dispatcher = new CommandDispatcher(new CommandSessions(), ADMINS::contains);

    CommandDispatcherTest() {
        dispatcher.register(greet);
        dispatcher.register(new Time());
    }

    static IQ request(String from, String xml) throws Exception {
        IQ iq = new IQ(IQ.Type.set, "r1");
        iq.setFrom(from);
        iq.setTo("example.org");
        iq.setChildElement(DocumentHelper.parseText(xml).getRootElement());
        return iq;
    }

    static String errorCondition(IQ reply) {
        assertEquals(IQ.Type.error, reply.getType(), reply.toXML());
        return reply.getError().getCondition().toXMPP();
    }

    @Test
    void firstRequestReturnsTheFormWithCompleteAsTheOnlyAction() throws Exception {
        IQ reply = dispatcher.handle(request("admin@example.org/desk",
                "<command xmlns='http://jabber.org/protocol/commands' node='urn:test#greet' action='execute'/>"));
        assertEquals(IQ.Type.result, reply.getType(), reply.toXML());
        Element command = reply.getChildElement();
        assertEquals(CommandXml.NS, command.getNamespaceURI());
        assertEquals("urn:test#greet", command.attributeValue("node"));
        assertEquals("executing", command.attributeValue("status"));
        assertNotNull(command.attributeValue("sessionid"));
        Element actions = command.element("actions");
        assertEquals("complete", actions.attributeValue("execute"));
        assertEquals(1, actions.elements().size());
        assertNotNull(actions.element("complete"));
        Element x = command.element(org.dom4j.QName.get("x", DataForm.NS));
        assertEquals("form", x.attributeValue("type"));
    }

    @Test
    void submittingWithExecuteCompletes() throws Exception {
        IQ first = dispatcher.handle(request("admin@example.org/desk",
                "<command xmlns='http://jabber.org/protocol/commands' node='urn:test#greet'/>"));
        String sid = first.getChildElement().attributeValue("sessionid");
        IQ reply = dispatcher.handle(request("admin@example.org/desk", """
                <command xmlns='http://jabber.org/protocol/commands' node='urn:test#greet' sessionid='%s'
                         action='execute'>
                  <x xmlns='jabber:x:data' type='submit'><field var='name'><value>Juliet</value></field></x>
                </command>""".formatted(sid)));
        Element command = reply.getChildElement();
        assertEquals("completed", command.attributeValue("status"));
        assertEquals(sid, command.attributeValue("sessionid"));
        assertNull(command.element("actions"));
        assertEquals("info", command.element("note").attributeValue("type"));
        assertEquals("Hello Juliet", command.elementText("note"));
        assertEquals("Juliet", greet.greeted);
    }

    @Test
    void errorsCarryTheCommandsSpecificConditionAndNoPayload() throws Exception {
        IQ first = dispatcher.handle(request("admin@example.org/desk",
                "<command xmlns='http://jabber.org/protocol/commands' node='urn:test#greet'/>"));
        String sid = first.getChildElement().attributeValue("sessionid");
        IQ reply = dispatcher.handle(request("admin@example.org/desk", """
                <command xmlns='http://jabber.org/protocol/commands' node='urn:test#greet' sessionid='%s'>
                  <x xmlns='jabber:x:data' type='submit'><field var='secret'><value>pw</value></field></x>
                </command>""".formatted(sid)));
        assertEquals("bad-request", errorCondition(reply));
        assertEquals("bad-payload", reply.getError().getApplicationConditionName());
        assertEquals(CommandXml.NS, reply.getError().getApplicationConditionNamespaceURI());
        assertTrue(reply.getChildElement().elements().isEmpty(), "the submitted form is not echoed");
        assertEquals("urn:test#greet", reply.getChildElement().attributeValue("node"));

        IQ bad = dispatcher.handle(request("admin@example.org/desk",
                "<command xmlns='http://jabber.org/protocol/commands' node='urn:test#greet' sessionid='nope'/>"));
        assertEquals("bad-sessionid", bad.getError().getApplicationConditionName());
    }

    @Test
    void unknownNodeIsItemNotFoundAndNonAdminsAreForbidden() throws Exception {
        assertEquals("item-not-found", errorCondition(dispatcher.handle(request("admin@example.org/desk",
                "<command xmlns='http://jabber.org/protocol/commands' node='urn:test#nothing'/>"))));
        assertEquals("forbidden", errorCondition(dispatcher.handle(request("juliet@example.org/balcony",
                "<command xmlns='http://jabber.org/protocol/commands' node='urn:test#greet'/>"))));
        // an admin of another domain is not an admin here
        assertEquals("forbidden", errorCondition(dispatcher.handle(request("boss@other.org/x",
                "<command xmlns='http://jabber.org/protocol/commands' node='urn:test#greet'/>"))));
    }

    @Test
    void aSingleStageCommandCompletesAtOnce() throws Exception {
        IQ reply = dispatcher.handle(request("juliet@example.org/balcony",
                "<command xmlns='http://jabber.org/protocol/commands' node='urn:test#time'/>"));
        assertEquals("completed", reply.getChildElement().attributeValue("status"));
        assertEquals("result", reply.getChildElement().element("x").attributeValue("type"));
    }

    @Test
    void malformedFormsAndGetsAreBadRequests() throws Exception {
        IQ reply = dispatcher.handle(request("admin@example.org/desk", """
                <command xmlns='http://jabber.org/protocol/commands' node='urn:test#greet'>
                  <x xmlns='jabber:x:data' type='nonsense'/>
                </command>"""));
        assertEquals("bad-request", errorCondition(reply));
        IQ get = request("admin@example.org/desk",
                "<command xmlns='http://jabber.org/protocol/commands' node='urn:test#greet'/>");
        get.setType(IQ.Type.get);
        assertEquals("bad-request", errorCondition(dispatcher.handle(get)));
    }

    @Test
    void listsOnlyTheCommandsTheRequesterMayRun() {
        List<Element> forAdmin = dispatcher.items(new NodeQuery(new JID("admin@example.org/desk"),
                new JID("example.org"), CommandXml.NS));
        assertEquals(List.of("urn:test#greet", "urn:test#time"),
                forAdmin.stream().map(e -> e.attributeValue("node")).toList());
        assertEquals("example.org", forAdmin.get(0).attributeValue("jid"));
        assertEquals("Greet", forAdmin.get(0).attributeValue("name"));
        assertEquals(CommandDispatcher.DISCO_ITEMS, forAdmin.get(0).getNamespaceURI());

        List<Element> forUser = dispatcher.items(new NodeQuery(new JID("juliet@example.org/b"),
                new JID("example.org"), CommandXml.NS));
        assertEquals(List.of("urn:test#time"), forUser.stream().map(e -> e.attributeValue("node")).toList());

        assertTrue(dispatcher.items(new NodeQuery(new JID("admin@example.org/desk"),
                new JID("juliet@example.org"), CommandXml.NS)).isEmpty(), "no commands at user JIDs");
    }

    @Test
    void aNodeIsRegisteredOnce() {
        assertThrows(IllegalStateException.class, () -> dispatcher.register(new Greet()));
    }
}
