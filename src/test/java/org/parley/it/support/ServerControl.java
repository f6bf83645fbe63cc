package org.parley.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Restarts the deployed server the way an operator would: WildFly's {@code :reload} management operation
 * (all services and the deployment stop and start again in the same JVM). Uses jboss-cli from
 * {@code parley.jboss.home}, which authenticates as the local user; otherwise the HTTP management API with
 * {@code parley.mgmt.user}/{@code parley.mgmt.password} (digest auth).
 */
public final class ServerControl {
    private ServerControl() {
    }

    /** True if this run knows how to reach the management interface. */
    public static boolean canReload() {
        return cli() != null || System.getProperty("parley.mgmt.user") != null || mgmtAnswers();
    }

    public static void reload() throws IOException, InterruptedException {
        Path cli = cli();
        if (cli != null) {
            reloadWithCli(cli);
        } else {
            reloadOverHttp();
        }
    }

    /** Waits until the c2s port accepts a stream and a login works again. */
    public static void awaitXmppUp(Duration timeout, TestAccounts.Account probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                Clients.close(Clients.login(probe, "probe-" + System.nanoTime()));
                return;
            } catch (Exception e) {
                last = e;
                Thread.sleep(500);
            }
        }
        throw new AssertionError("the server did not accept logins again within " + timeout, last);
    }

    private static Path cli() {
        String home = ItConfig.jbossHome();
        if (home == null) {
            return null;
        }
        Path p = Path.of(home, "bin", "jboss-cli.sh");
        return Files.isExecutable(p) ? p : null;
    }

    private static void reloadWithCli(Path cli) throws IOException, InterruptedException {
        // the CLI's 'reload' command (unlike the ':reload' operation) returns only once the server is running
        // again, deployments included, so the old listeners cannot be mistaken for the new ones
        runCli(cli, "reload");
    }

    /**
     * Adds (value non-null) or removes a system property of the running server, as an operator would with
     * jboss-cli; Parley reads some settings (e.g. parley.bosh.redirect) for every new session.
     */
    public static void systemProperty(String name, String value) throws IOException, InterruptedException {
        Path cli = cli();
        if (cli == null) {
            throw new AssertionError("jboss-cli is needed (parley.jboss.home)");
        }
        if (value == null) {
            runCli(cli, "/system-property=" + name + ":remove");
        } else {
            runCli(cli, "/system-property=" + name + ":add(value=\"" + value + "\")");
        }
    }

    private static void runCli(Path cli, String command) throws IOException, InterruptedException {
        List<String> cmd = List.of(cli.toString(), "--connect",
                "--controller=remote+http://127.0.0.1:" + ItConfig.mgmtPort(), "--timeout=180000",
                "--command=" + command);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("JBOSS_HOME", ItConfig.jbossHome());
        pb.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(4, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("jboss-cli " + command + " did not finish: "
                    + new String(out, StandardCharsets.UTF_8));
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || text.contains("failed") || text.contains("WFLYCTL")) {
            throw new AssertionError("jboss-cli " + cmd + " failed (exit " + p.exitValue() + "): " + text);
        }
    }

    private static void reloadOverHttp() throws IOException {
        String user = System.getProperty("parley.mgmt.user");
        String password = System.getProperty("parley.mgmt.password", "");
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + ItConfig.mgmtPort()
                + "/management").openConnection();
        if (user != null) {
            c.setAuthenticator(new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password.toCharArray());
                }
            });
        }
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream o = c.getOutputStream()) {
            o.write("{\"operation\":\"reload\"}".getBytes(StandardCharsets.UTF_8));
        }
        int code = c.getResponseCode();
        String body;
        try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
            body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (code != 200 || !body.contains("success")) {
            throw new AssertionError("management reload over HTTP failed: HTTP " + code + " " + body
                    + (code == 401 ? " (set parley.jboss.home for jboss-cli's local authentication, or "
                    + "parley.mgmt.user/parley.mgmt.password)" : ""));
        }
        awaitC2sDown(Duration.ofSeconds(60));
    }

    /** The :reload operation returns at once: wait until the old c2s listener is gone. */
    private static void awaitC2sDown(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(ItConfig.host(), ItConfig.c2sPort()), 500);
                Thread.sleep(50);
            } catch (IOException down) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the c2s port still accepts connections " + timeout + " after :reload");
    }

    private static boolean mgmtAnswers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", ItConfig.mgmtPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
