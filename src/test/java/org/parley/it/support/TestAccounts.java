package org.parley.it.support;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Test accounts made the way an operator's client makes them: XEP-0133 add-user over XEP-0050, sent to the
 * domain by the admin (execute, then submit accountjid/password/password-verify), and removed with
 * delete-user (accountjids) when the test class is done. Usernames carry a per-run suffix, so reruns against
 * a persistent database never collide.
 */
public final class TestAccounts implements AutoCloseable {
    public static final String ADD_USER = "http://jabber.org/protocol/admin#add-user";
    public static final String DELETE_USER = "http://jabber.org/protocol/admin#delete-user";
    public static final String DISABLE_USER = "http://jabber.org/protocol/admin#disable-user";
    private static final Logger LOG = Logger.getLogger(TestAccounts.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Distinguishes this JVM's run from earlier runs against the same database. */
    public static final String RUN_ID = randomHex(3);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** A test account. */
    public record Account(String username, String password) {
        public EntityBareJid jid() {
            return JidCreate.entityBareFromOrThrowUnchecked(username + "@" + ItConfig.domain());
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private XMPPTCPConnection admin;
    private final List<Account> created = new ArrayList<>();

    private TestAccounts() {
    }

    /** Logs the admin in; fails the calling test (with the reason) if that does not work. */
    public static TestAccounts open() throws SmackException, IOException, XMPPException, InterruptedException {
        TestAccounts t = new TestAccounts();
        t.admin = Clients.loginAdmin("fixture-" + RUN_ID + "-" + COUNTER.incrementAndGet());
        return t;
    }

    public XMPPTCPConnection admin() {
        return admin;
    }

    /** A fresh account named {@code prefix-<run>-<n>} with a random password. */
    public Account create(String prefix) throws Exception {
        String username = (prefix + "-" + RUN_ID + "-" + COUNTER.incrementAndGet()).toLowerCase(Locale.ROOT);
        String password = "pw-" + randomHex(8);
        Account a = new Account(username, password);
        addUser(a);
        created.add(a);
        return a;
    }

    /** XEP-0133 §4.1: execute add-user, then submit the form. */
    public void addUser(Account a) throws Exception {
        RemoteCommand cmd = command(ADD_USER);
        cmd.execute();
        requireForm(cmd, ADD_USER, "accountjid", "password", "password-verify");
        FillableForm form = new FillableForm(cmd.getForm());
        form.setAnswer("accountjid", a.jid());
        form.setAnswer("password", a.password());
        form.setAnswer("password-verify", a.password());
        cmd.execute(form);
        requireCompleted(cmd, ADD_USER + " for " + a.jid());
    }

    /** XEP-0133 §4.2: execute delete-user, then submit the JIDs. */
    public void deleteUsers(List<Account> accounts) throws Exception {
        if (!accounts.isEmpty()) {
            onAccounts(DELETE_USER, accounts);
        }
    }

    /** XEP-0133 §4.3: disable-user. */
    public void disable(Account a) throws Exception {
        onAccounts(DISABLE_USER, List.of(a));
    }

    /** Executes a command whose form takes 'accountjids', then submits the JIDs. */
    private void onAccounts(String node, List<Account> accounts) throws Exception {
        RemoteCommand cmd = command(node);
        cmd.execute();
        requireForm(cmd, node, "accountjids");
        FillableForm form = new FillableForm(cmd.getForm());
        form.setAnswer("accountjids", accounts.stream().map(a -> a.jid().toString()).collect(Collectors.toList()));
        cmd.execute(form);
        requireCompleted(cmd, node + " for " + accounts);
    }

    public void delete(Account a) throws Exception {
        deleteUsers(List.of(a));
        created.remove(a);
    }

    private RemoteCommand command(String node) throws Exception {
        ensureAdmin();
        return AdHocCommandManager.getAddHocCommandsManager(admin)
                .getRemoteCommand(JidCreate.domainBareFrom(ItConfig.domain()), node);
    }

    /** After a server restart the admin's old connection is gone: log in again. */
    private void ensureAdmin() throws SmackException, IOException, XMPPException, InterruptedException {
        if (admin == null || !admin.isConnected() || !admin.isAuthenticated()) {
            Clients.close(admin);
            admin = Clients.loginAdmin("fixture-" + RUN_ID + "-" + COUNTER.incrementAndGet());
        }
    }

    private static void requireForm(RemoteCommand cmd, String node, String... fields) {
        if (cmd.getForm() == null) {
            throw new AssertionError(node + ": the first execute returned no form (XEP-0133)");
        }
        for (String f : fields) {
            if (cmd.getForm().getField(f) == null) {
                throw new AssertionError(node + ": the form lacks the field '" + f + "' (XEP-0133)");
            }
        }
    }

    private static void requireCompleted(RemoteCommand cmd, String what) {
        List<AdHocCommandNote> errors = cmd.getNotes().stream()
                .filter(n -> n.getType() == AdHocCommandNote.Type.error).toList();
        if (cmd.getStatus() != AdHocCommand.Status.completed || !errors.isEmpty()) {
            throw new AssertionError(what + " did not complete: status " + cmd.getStatus() + ", notes "
                    + cmd.getNotes().stream().map(n -> n.getType() + ": " + n.getValue()).toList());
        }
    }

    /** Deletes every account this fixture made, then logs the admin out. */
    @Override
    public void close() {
        try {
            deleteUsers(new ArrayList<>(created));
            created.clear();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "could not delete test accounts " + created, e);
        } finally {
            Clients.close(admin);
        }
    }
}
