package org.parley.feature.admin;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.parley.application.command.CommandServices;
import org.parley.application.command.FakeHosts;
import org.parley.application.command.ParleyCommands;
import org.parley.feature.adhoc.AdHocCommand;
import org.parley.feature.adhoc.CommandDispatcher;
import org.parley.feature.adhoc.CommandSessions;
import org.parley.feature.adhoc.DataForm;
import org.parley.xmpp.spi.ModuleContext.NodeQuery;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The XEP-0133 commands driven through the ad-hoc dispatcher, as a client sends them. */
class AdminCommandsTest {
    static final String ADMIN = "admin@example.org/desk";
    static final String CMD = "http://jabber.org/protocol/commands";

    final FakeAccounts accounts = new FakeAccounts().with("admin@example.org", true)
            .with("juliet@example.org", false).with("romeo@example.org", false).with("other@other.org", true);
    final FakeAnnouncements announcements = new FakeAnnouncements();
    final CommandDispatcher dispatcher = new CommandDispatcher(new CommandSessions(),
            jid -> accounts.find(jid).map(a -> a.isAdmin()).orElse(false));

    AdminCommandsTest() {
        for (AdHocCommand c : AdminCommands.of(ParleyCommands.registry(new CommandServices(accounts, announcements, null,
                null, new FakeHosts("example.org", "other.org"), () -> 0)))) {
            dispatcher.register(c);
        }
    }

    IQ send(String from, String xml) throws Exception {
        IQ iq = new IQ(IQ.Type.set, "id");
        iq.setFrom(from);
        iq.setTo("example.org");
        iq.setChildElement(DocumentHelper.parseText(xml).getRootElement());
        return dispatcher.handle(iq);
    }

    IQ start(String name) throws Exception {
        return send(ADMIN, "<command xmlns='%s' node='http://jabber.org/protocol/admin#%s' action='execute'/>"
                .formatted(CMD, name));
    }

    /** Second stage: the fields given as var, value, var, value...; multi values separated by '|'. */
    IQ submit(String name, IQ first, String... fields) throws Exception {
        StringBuilder x = new StringBuilder("<x xmlns='jabber:x:data' type='submit'>"
                + "<field type='hidden' var='FORM_TYPE'><value>http://jabber.org/protocol/admin</value></field>");
        for (int i = 0; i < fields.length; i += 2) {
            x.append("<field var='").append(fields[i]).append("'>");
            for (String v : fields[i + 1].split("\\|")) {
                x.append("<value>").append(v).append("</value>");
            }
            x.append("</field>");
        }
        x.append("</x>");
        return send(ADMIN, "<command xmlns='%s' node='http://jabber.org/protocol/admin#%s' sessionid='%s' action='execute'>%s</command>"
                .formatted(CMD, name, first.getChildElement().attributeValue("sessionid"), x));
    }

    static String status(IQ reply) {
        assertEquals(IQ.Type.result, reply.getType(), reply.toXML());
        return reply.getChildElement().attributeValue("status");
    }

    static String error(IQ reply) {
        assertEquals(IQ.Type.error, reply.getType(), reply.toXML());
        return reply.getError().getCondition().toXMPP();
    }

    static DataForm form(IQ reply) {
        return DataForm.find(reply.getChildElement());
    }

    @Test
    void addUserInTwoStepsAsTheInteropSuiteDoes() throws Exception {
        IQ first = start("add-user");
        assertEquals("executing", status(first));
        DataForm f = form(first);
        assertEquals(DataForm.Type.FORM, f.type());
        assertEquals("http://jabber.org/protocol/admin", f.formType());
        for (String var : List.of("accountjid", "password", "password-verify", "email")) {
            assertNotNull(f.field(var), var);
        }
        assertFalse(f.field("email").required());
        IQ done = submit("add-user", first, "accountjid", "smack-inttest-abc@example.org", "password", "s3cret",
                "password-verify", "s3cret");
        assertEquals("completed", status(done));
        assertTrue(accounts.accounts.containsKey("smack-inttest-abc@example.org"));
        assertEquals("s3cret", accounts.passwords.get("smack-inttest-abc@example.org"));
    }

    @Test
    void addUserRefusals() throws Exception {
        assertEquals("conflict", error(submit("add-user", start("add-user"), "accountjid", "juliet@example.org",
                "password", "x", "password-verify", "x")));
        IQ mismatch = submit("add-user", start("add-user"), "accountjid", "new@example.org", "password", "x",
                "password-verify", "y");
        assertEquals("bad-request", error(mismatch));
        assertEquals("bad-payload", mismatch.getError().getApplicationConditionName());
        assertEquals("forbidden", error(submit("add-user", start("add-user"), "accountjid", "new@other.org",
                "password", "x", "password-verify", "x")));
        assertEquals("bad-request", error(submit("add-user", start("add-user"), "accountjid", "new@example.org")));
        assertFalse(accounts.accounts.containsKey("new@example.org"));
        assertFalse(accounts.accounts.containsKey("new@other.org"));
    }

    @Test
    void onlyAdminsOfTheDomainRunOrSeeTheCommands() throws Exception {
        IQ byUser = send("juliet@example.org/b",
                "<command xmlns='%s' node='http://jabber.org/protocol/admin#add-user'/>".formatted(CMD));
        assertEquals("forbidden", error(byUser));
        IQ byOtherAdmin = send("other@other.org/x",
                "<command xmlns='%s' node='http://jabber.org/protocol/admin#add-user'/>".formatted(CMD));
        assertEquals("forbidden", error(byOtherAdmin));

        List<Element> items = dispatcher.items(new NodeQuery(new JID(ADMIN), new JID("example.org"), CMD));
        assertTrue(items.stream().anyMatch(e -> e.attributeValue("node").endsWith("#add-user")));
        assertTrue(items.stream().anyMatch(e -> e.attributeValue("node").endsWith("#delete-user")));
        assertTrue(dispatcher.items(new NodeQuery(new JID("juliet@example.org/b"), new JID("example.org"), CMD))
                .isEmpty());
    }

    @Test
    void deleteUsersWithAJidMultiField() throws Exception {
        IQ first = start("delete-user");
        assertEquals("jid-multi", form(first).field("accountjids").type().xml());
        IQ done = submit("delete-user", first, "accountjids", "juliet@example.org|romeo@example.org");
        assertEquals("completed", status(done));
        assertFalse(accounts.accounts.containsKey("juliet@example.org"));
        assertFalse(accounts.accounts.containsKey("romeo@example.org"));
    }

    @Test
    void deleteReportsPartialFailuresAsWarningsAndTotalFailureAsError() throws Exception {
        IQ partial = submit("delete-user", start("delete-user"), "accountjids", "juliet@example.org|ghost@example.org");
        assertEquals("completed", status(partial));
        List<Element> notes = partial.getChildElement().elements("note");
        assertEquals(List.of("info", "warn"), notes.stream().map(n -> n.attributeValue("type")).toList());
        assertEquals("item-not-found", error(submit("delete-user", start("delete-user"), "accountjids",
                "ghost@example.org")));
        assertEquals("not-allowed", error(submit("delete-user", start("delete-user"), "accountjids",
                "admin@example.org")));
        assertTrue(accounts.accounts.containsKey("admin@example.org"));
    }

    @Test
    void disableReenableAndEndSessions() throws Exception {
        assertEquals("completed", status(submit("disable-user", start("disable-user"), "accountjids",
                "juliet@example.org")));
        assertFalse(accounts.accounts.get("juliet@example.org").isEnabled());
        assertEquals("completed", status(submit("reenable-user", start("reenable-user"), "accountjids",
                "juliet@example.org")));
        assertTrue(accounts.accounts.get("juliet@example.org").isEnabled());
        assertEquals("completed", status(submit("end-user-session", start("end-user-session"), "accountjids",
                "romeo@example.org")));
        assertEquals(List.of("romeo@example.org"), accounts.kicked);
    }

    @Test
    void endUserSessionEndsOneResourceForAFullJidAndAllForABareOne() throws Exception {
        accounts.online = List.of(new TestSession("romeo@example.org/balcony"),
                new TestSession("romeo@example.org/garden"));
        IQ one = submit("end-user-session", start("end-user-session"), "accountjids", "romeo@example.org/garden");
        assertEquals("completed", status(one));
        assertEquals(List.of("romeo@example.org/garden"), accounts.kicked, "the resource reaches kick()");
        assertEquals("Ended 1 session(s) of romeo@example.org/garden",
                one.getChildElement().element("note").getText());

        IQ all = submit("end-user-session", start("end-user-session"), "accountjids", "romeo@example.org");
        assertEquals("Ended 2 session(s) of romeo@example.org", all.getChildElement().element("note").getText());
        assertEquals("romeo@example.org", accounts.kicked.get(1));

        assertEquals("forbidden", error(submit("end-user-session", start("end-user-session"), "accountjids",
                "other@other.org/c")));
    }

    @Test
    void otherAccountCommandsDropTheResource() throws Exception {
        assertEquals("completed", status(submit("disable-user", start("disable-user"), "accountjids",
                "juliet@example.org/phone")));
        assertFalse(accounts.accounts.get("juliet@example.org").isEnabled());
        assertEquals("not-allowed", error(submit("delete-user", start("delete-user"), "accountjids",
                "admin@example.org/other")));
        IQ deleted = submit("delete-user", start("delete-user"), "accountjids", "romeo@example.org/x");
        assertEquals("Deleted romeo@example.org", deleted.getChildElement().element("note").getText());
    }

    @Test
    void changeUserPassword() throws Exception {
        assertEquals("completed", status(submit("change-user-password", start("change-user-password"),
                "accountjid", "juliet@example.org", "password", "n3w")));
        assertEquals("n3w", accounts.passwords.get("juliet@example.org"));
        assertEquals("item-not-found", error(submit("change-user-password", start("change-user-password"),
                "accountjid", "ghost@example.org", "password", "n3w")));
    }

    @Test
    void countsCompleteAtOnceWithAResultForm() throws Exception {
        IQ registered = start("get-registered-users-num");
        assertEquals("completed", status(registered));
        assertEquals("3", form(registered).value("registeredusersnum"));

        accounts.online = List.of(new TestSession("juliet@example.org/a"), new TestSession("juliet@example.org/b"),
                new TestSession("other@other.org/c"));
        IQ online = start("get-online-users-num");
        assertEquals("1", form(online).value("onlineusersnum"), "online users are accounts, not sessions");
    }

    @Test
    void listsHonourMaxItems() throws Exception {
        IQ first = start("get-registered-users-list");
        assertEquals("list-single", form(first).field("max_items").type().xml());
        IQ list = submit("get-registered-users-list", first, "max_items", "2");
        assertEquals(List.of("admin@example.org", "juliet@example.org"), form(list).values("registereduserjids"));

        accounts.online = List.of(new TestSession("romeo@example.org/a"), new TestSession("juliet@example.org/b"));
        IQ online = submit("get-online-users-list", start("get-online-users-list"), "max_items", "none");
        assertEquals(List.of("romeo@example.org", "juliet@example.org"), form(online).values("onlineuserjids"));
        assertEquals("bad-request", error(submit("get-online-users", start("get-online-users"), "max_items", "-1")));
    }

    @Test
    void announceAndMessageOfTheDay() throws Exception {
        IQ announce = submit("announce", start("announce"), "subject", "Maintenance", "announcement",
                "Going down|in 5 minutes");
        assertEquals("completed", status(announce));
        assertEquals(List.of("example.org|Maintenance|Going down\nin 5 minutes"), announcements.sent);

        assertEquals("completed", status(submit("set-motd", start("set-motd"), "motd", "Welcome|to Parley")));
        assertEquals("Welcome\nto Parley", announcements.motd);
        IQ edit = start("edit-motd");
        assertEquals(List.of("Welcome", "to Parley"), form(edit).field("motd").values());
        IQ delete = start("delete-motd");
        assertEquals("completed", status(delete));
        assertNull(announcements.motd);
    }
}
