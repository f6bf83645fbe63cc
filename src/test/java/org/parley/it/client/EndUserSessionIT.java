package org.parley.it.client;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.Test;
import org.parley.it.support.Await;
import org.parley.it.support.ClientTestBase;
import org.parley.it.support.TestAccounts.Account;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** XEP-0133 §4.19 end-user-session: a full JID ends that session only, a bare JID all of the account's. */
class EndUserSessionIT extends ClientTestBase {
    static final String END_USER_SESSION = "http://jabber.org/protocol/admin#end-user-session";

    private void endSessions(String jid) throws Exception {
        RemoteCommand cmd = AdHocCommandManager.getAddHocCommandsManager(accounts.admin())
                .getRemoteCommand(domainJid(), END_USER_SESSION);
        cmd.execute();
        FillableForm form = new FillableForm(cmd.getForm());
        form.setAnswer("accountjids", List.of(jid));
        cmd.execute(form);
        assertEquals(AdHocCommand.Status.completed, cmd.getStatus(), jid + ": " + cmd.getNotes());
    }

    @Test
    void aFullJidEndsOneSessionABareJidTheRest() throws Exception {
        Account a = accounts.create("endsession");
        XMPPTCPConnection phone = login(a, "phone");
        XMPPTCPConnection laptop = login(a, "laptop");
        XMPPTCPConnection tablet = login(a, "tablet");

        endSessions(a.jid() + "/phone");
        Await.until("the phone session ends", () -> !phone.isConnected());
        Thread.sleep(300); // a wrong kick of the other sessions would have reached them by now
        assertTrue(laptop.isConnected() && laptop.isAuthenticated(), "the laptop session stays");
        assertTrue(tablet.isConnected() && tablet.isAuthenticated(), "the tablet session stays");

        endSessions(a.jid().toString());
        Await.until("every other session ends", () -> !laptop.isConnected() && !tablet.isConnected());
    }
}
