package org.parley.it.browser;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the Node.js scripts of src/test/e2e (Playwright, headless Chromium) against the running test server,
 * with the server's address and admin in the environment; output is streamed into the test log. On failure the
 * scripts leave screenshots and the pages' HTML in target/e2e/.
 * <p>
 * Needs node, /usr/bin/chromium and src/test/e2e/node_modules ({@code npm ci} there). Without them the tests
 * are skipped locally; in CI ({@code CI=true}, where .ci/run installs them) they fail instead.
 */
final class E2eScripts {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path E2E = BASEDIR.resolve("src/test/e2e");
    private static final String CHROMIUM = System.getProperty("parley.e2e.chromium", "/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 300;

    private E2eScripts() {
    }

    /** Skips (locally) or fails (CI) when node, Chromium or the npm packages are missing. */
    static void requirePrerequisites() {
        String missing = null;
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            missing = CHROMIUM + " is missing (apt-get install chromium)";
        } else if (!Files.isDirectory(E2E.resolve("node_modules/playwright-core"))) {
            missing = E2E + "/node_modules is missing (cd src/test/e2e && npm ci)";
        } else if (!nodeWorks()) {
            missing = "node is missing (apt-get install nodejs)";
        }
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("browser tests cannot run in CI: " + missing);
            }
            Assumptions.abort("browser tests skipped: " + missing);
        }
    }

    /** Runs a script to its end; it must exit with 0. */
    static void run(String script, Map<String, String> extraEnv) throws IOException, InterruptedException {
        Process p = start(script, extraEnv);
        try {
            awaitSuccess(p, script);
        } finally {
            stop(p);
        }
    }

    /** Starts a script and streams its output; the caller interacts with the server meanwhile. */
    static Process start(String script, Map<String, String> extraEnv) throws IOException {
        return start(script, extraEnv, line -> { });
    }

    /** As {@link #start(String, Map)}, and every output line also goes to {@code onLine}. */
    static Process start(String script, Map<String, String> extraEnv, Consumer<String> onLine) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of("node", E2E.resolve(script).toString()))
                .directory(BASEDIR.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PARLEY_BASE_URL", System.getProperty("parley.base.url", "http://127.0.0.1:18080"));
        env.put("PARLEY_HTTP_PORT", System.getProperty("parley.http.port", "18080"));
        env.put("PARLEY_C2S_PORT", System.getProperty("parley.c2s.port", "15222"));
        env.put("PARLEY_ADMIN_JID", System.getProperty("parley.admin.jid", "admin@localhost"));
        env.put("PARLEY_ADMIN_PASSWORD", System.getProperty("parley.admin.password", "parley-it-admin"));
        env.put("E2E_OUT", BASEDIR.resolve("target/e2e").toString());
        env.put("CHROMIUM", CHROMIUM);
        env.putAll(extraEnv);
        System.out.println("== " + script + " " + extraEnv.keySet() + " against " + env.get("PARLEY_BASE_URL"));
        Process p = pb.start();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    System.out.println("   [" + script + "] " + line);
                    onLine.accept(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "e2e-output");
        pump.setDaemon(true);
        pump.start();
        return p;
    }

    /** Waits for a started script; it must exit with 0 within the time limit. */
    static void awaitSuccess(Process p, String script) throws InterruptedException {
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            stop(p);
            fail(script + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        Thread.sleep(200); // the last lines of output
        assertEquals(0, p.exitValue(), script + " failed (its output is above; screenshots in target/e2e/)");
    }

    /** Ends a script that is still running (and its browser). */
    static void stop(Process p) {
        if (p.isAlive()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static boolean nodeWorks() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
