package org.parley.it.interop.launcher;

import org.igniterealtime.smack.inttest.Configuration;
import org.igniterealtime.smack.inttest.FailedTest;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework.ConcreteTest;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework.TestRunResult;
import org.igniterealtime.smack.inttest.SuccessfulTest;
import org.igniterealtime.smack.inttest.TestNotPossible;
import org.igniterealtime.smack.inttest.XmppConnectionDescriptor;
import org.igniterealtime.smack.inttest.XmppConnectionManager;
import org.jivesoftware.smack.c2s.ModularXmppClientToServerConnection;
import org.jivesoftware.smack.c2s.ModularXmppClientToServerConnectionConfiguration;
import org.jivesoftware.smack.compression.CompressionModuleDescriptor;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smack.websocket.XmppWebSocketTransportModuleDescriptor;
import org.jivesoftware.smack.websocket.impl.WebSocketFactory;
import org.jivesoftware.smack.websocket.java11.Java11WebSocketFactory;
import org.jivesoftware.smack.websocket.okhttp.OkHttpWebSocketFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the XMPP interop suite (smack-integration-test 4.5) against a server on a non-standard port. Runs in its
 * own JVM (Smack 4.5 on its classpath, not the 4.4 of the other ITs); compiled and started by InteropSuiteIT.
 * Results go to a tab-separated file: status, class, method, connection type, test name, reason.
 *
 * <p>The suite has no port option: its connection descriptors are replaced by ones that set the host address
 * and port, and (with {@code interop.websocket}, a ws:// URL) WebSocket descriptors with that endpoint instead
 * of host-meta discovery on the standard port. Without it the WebSocket connection types are not run: the
 * suite would abort on the first WebSocket connection.
 */
public final class SinttestLauncher {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(required("interop.results"));
        List<String> lines = new ArrayList<>();
        int exit = 0;
        try {
            String websocket = System.getProperty("interop.websocket", "");
            registerDescriptors(InetAddress.getByName(required("interop.host")),
                    Integer.parseInt(required("interop.port")), websocket.isBlank() ? null : URI.create(websocket));
            String enabled = System.getProperty("interop.enabledTests");
            // The suite disables a whole class when one of its methods is disabled, so the SOCKS5 file
            // transfer (needs a XEP-0065 proxy: a later issue; when it fails it also leaves its listener
            // registered and breaks the next transfer) is left out by running FileTransferIntegrationTest's
            // in-band bytestream test (XEP-0047, must pass) in a second run of its own.
            //
            // SoftwareInfoIntegrationTest also runs on its own: its setUp decides from the client's local roster
            // whether the two accounts are still subscribed, and the suite runs it right after the tearDown of
            // another class (EntityCapsTest: RosterUtil.ensureNotSubscribedToEachOther) whose 'unsubscribed'
            // presences it does not wait for. When the server's roster pushes for them arrive after that check
            // (20 ms later in a failing run), setUp skips the subscription and the test waits 15 s for a presence
            // the now unsubscribed contact never gets. Started in a run of its own it sees settled rosters.
            String disabled = "FileTransferIntegrationTest,SoftwareInfoIntegrationTest";
            String more = System.getProperty("interop.disabledTests");
            if (more != null && !more.isBlank()) {
                disabled += "," + more;
            }
            Configuration.Builder main = builder().setDisabledTests(disabled);
            if (enabled != null && !enabled.isBlank()) {
                main.setEnabledTests(enabled);
            }
            run(main, lines);
            if (enabled == null || enabled.isBlank() || enabled.contains("FileTransferIntegrationTest")) {
                run(builder().setEnabledTests("FileTransferIntegrationTest.ibbFileTransferTest"), lines);
            }
            if (enabled == null || enabled.isBlank() || enabled.contains("SoftwareInfoIntegrationTest")) {
                run(builder().setEnabledTests("SoftwareInfoIntegrationTest"), lines);
            }
        } catch (Throwable t) {
            // The framework aborts the whole run on unexpected exceptions: record why.
            lines.add(String.join("\t", "ABORTED", "-", "-", "-", "the run", describe(t)));
            exit = 3;
        }
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.out.flush();
        // Smack leaves non-daemon threads behind; the results are written, so leave.
        System.exit(exit);
    }

    private static Configuration.Builder builder() throws Exception {
        return Configuration.builder()
                .setService(required("interop.service"))
                .setSecurityMode("disabled")
                .setAdminAccountUsernameAndPassword(required("interop.admin.username"),
                        required("interop.admin.password"))
                .setReplyTimeout(System.getProperty("interop.replyTimeout", "15000"))
                .setDefaultConnection("tcp")
                .setDebugger(System.getProperty("interop.debugger", "none"));
    }

    private static void run(Configuration.Builder b, List<String> lines) throws Exception {
        TestRunResult result = new SmackIntegrationTestFramework(b.build()).run();
        for (SuccessfulTest t : result.getSuccessfulTests()) {
            lines.add(line("PASSED", t.concreteTest, ""));
        }
        for (FailedTest t : result.getFailedTests()) {
            lines.add(line("FAILED", t.concreteTest, describe(t.failureReason)));
        }
        for (TestNotPossible t : result.getNotPossibleTests()) {
            lines.add(line("NOT_POSSIBLE", t.concreteTest, describe(t.testNotPossibleException)));
        }
        for (Map.Entry<?, Throwable> e : result.getImpossibleTestClasses().entrySet()) {
            Class<?> c = (Class<?>) e.getKey();
            lines.add(String.join("\t", "IMPOSSIBLE_CLASS", c.getName(), "*", "*", c.getSimpleName(),
                    describe(e.getValue())));
        }
    }

    private static void registerDescriptors(InetAddress address, int port, URI websocket) throws Exception {
        for (String nick : List.of("tcp", "modular", "modular-nocompress", "modular-websocket-okhttp",
                "modular-websocket-java11")) {
            XmppConnectionManager.removeConnectionDescriptor(nick);
        }
        XmppConnectionManager.addConnectionDescriptor(
                XmppConnectionDescriptor.buildWith(XMPPTCPConnection.class, XMPPTCPConnectionConfiguration.class,
                                XMPPTCPConnectionConfiguration.Builder.class)
                        .withNickname("tcp")
                        .applyExtraConfiguration(cb -> cb.setHostAddress(address).setPort(port))
                        .build());
        XmppConnectionManager.addConnectionDescriptor(
                XmppConnectionDescriptor.buildWith(ModularXmppClientToServerConnection.class,
                                ModularXmppClientToServerConnectionConfiguration.class,
                                ModularXmppClientToServerConnectionConfiguration.Builder.class)
                        .withNickname("modular")
                        .applyExtraConfiguration(cb -> cb.setHostAddress(address).setPort(port))
                        .build());
        XmppConnectionManager.addConnectionDescriptor(
                XmppConnectionDescriptor.buildWith(ModularXmppClientToServerConnection.class,
                                ModularXmppClientToServerConnectionConfiguration.class,
                                ModularXmppClientToServerConnectionConfiguration.Builder.class)
                        .withNickname("modular-nocompress")
                        .applyExtraConfiguration(cb -> {
                            cb.setHostAddress(address).setPort(port);
                            cb.removeModule(CompressionModuleDescriptor.class);
                        })
                        .build());
        if (websocket != null) {
            // registered after "modular": the suite's specific low-level tests take the first of a class
            webSocket("modular-websocket-okhttp", OkHttpWebSocketFactory.INSTANCE, websocket);
            webSocket("modular-websocket-java11", Java11WebSocketFactory.INSTANCE, websocket);
        }
    }

    private static void webSocket(String nickname, WebSocketFactory factory, URI endpoint) throws Exception {
        XmppConnectionManager.addConnectionDescriptor(
                XmppConnectionDescriptor.buildWith(ModularXmppClientToServerConnection.class,
                                ModularXmppClientToServerConnectionConfiguration.class,
                                ModularXmppClientToServerConnectionConfiguration.Builder.class)
                        .withNickname(nickname)
                        .applyExtraConfiguration(cb -> {
                            cb.removeAllModules();
                            cb.addModule(XmppWebSocketTransportModuleDescriptor.getBuilder(cb)
                                    .explicitlySetWebSocketEndpoint(endpoint)
                                    .setWebSocketFactory(factory)
                                    .build());
                        })
                        .build());
    }

    private static String line(String status, ConcreteTest t, String reason) {
        return String.join("\t", status, t.getMethod().getDeclaringClass().getName(), t.getMethod().getName(),
                String.join(",", t.getSubdescriptons()), oneLine(t.toString()), reason);
    }

    private static String describe(Throwable t) {
        if (t == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(t.toString());
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(" / caused by ").append(c);
        }
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        String[] frames = trace.toString().split("\n");
        for (int i = 1; i < Math.min(frames.length, 4); i++) {
            sb.append(" | ").append(frames[i].trim());
        }
        return oneLine(sb.toString());
    }

    private static String oneLine(String s) {
        return s.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }

    private static String required(String key) {
        String v = System.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("system property " + key + " is required");
        }
        return v;
    }
}
