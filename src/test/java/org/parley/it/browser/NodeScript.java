package org.parley.it.browser;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One Node.js script of src/test/e2e (Playwright, headless Chromium) run against the test server, its output
 * streamed to the test's. Scripts signal the test with lines starting with "@@ " ({@link #await}).
 * <p>
 * Needs node, /usr/bin/chromium and src/test/e2e/node_modules ({@code npm ci} there). Without them the tests
 * are skipped locally; in CI ({@code CI=true}, where .ci/run installs them) they fail instead.
 */
final class NodeScript implements AutoCloseable {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path E2E = BASEDIR.resolve("src/test/e2e");
    private static final String CHROMIUM = System.getProperty("parley.e2e.chromium", "/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 300;
    private static final String EXITED = "\0exited";

    private final String script;
    private final Process process;
    private final Thread pump;
    private final BlockingQueue<String> signals = new LinkedBlockingQueue<>();
    private final StringBuffer output = new StringBuffer();

    /** Skips (locally) or fails (CI) the calling test class when the browser tests cannot run. */
    static void prerequisites() {
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

    /** Runs a script to its end and asserts that it passed. */
    /** Runs a script to its end, asserts that it passed and returns its output. */
    static String run(String script, Map<String, String> extraEnv) throws IOException, InterruptedException {
        try (NodeScript s = start(script, extraEnv)) {
            s.assertPassed();
            return s.output.toString();
        }
    }

    static NodeScript start(String script, Map<String, String> extraEnv) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of("node", E2E.resolve(script).toString()))
                .directory(BASEDIR.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PARLEY_BASE_URL", System.getProperty("parley.base.url", "http://127.0.0.1:18080"));
        env.put("PARLEY_HTTP_PORT", System.getProperty("parley.http.port", "18080"));
        env.put("PARLEY_C2S_PORT", System.getProperty("parley.c2s.port", "15222"));
        env.put("PARLEY_ADMIN_JID", System.getProperty("parley.admin.jid", "admin@localhost"));
        env.put("PARLEY_ADMIN_PASSWORD", System.getProperty("parley.admin.password", "parley-it-admin"));
        env.put("PARLEY_E2E_SITE_PORT", System.getProperty("parley.e2e.site.port", "18081"));
        env.put("E2E_OUT", BASEDIR.resolve("target/e2e").toString());
        env.put("CHROMIUM", CHROMIUM);
        env.putAll(extraEnv);
        System.out.println("== " + script + " " + extraEnv + " against " + env.get("PARLEY_BASE_URL"));
        return new NodeScript(script, pb.start());
    }

    private NodeScript(String script, Process process) {
        this.script = script;
        this.process = process;
        this.pump = new Thread(this::pumpOutput, "e2e-output");
        pump.start();
    }

    private void pumpOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                System.out.println("   [" + script + "] " + line);
                output.append(line).append('\n');
                if (line.startsWith("@@ ")) {
                    signals.add(line.substring(3));
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            signals.add(EXITED);
        }
    }

    /** Waits for the script's next signal, which must start with {@code name}; returns the rest of it. */
    String await(String name, Duration timeout) throws InterruptedException {
        String s = signals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (s == null || s.equals(EXITED) || !s.startsWith(name)) {
            fail(script + ": expected the signal " + name + ", got " + (s == null ? "nothing" : s.equals(EXITED)
                    ? "the end of the script" : s) + " (its output is above; screenshots in target/e2e/)");
        }
        return s.substring(name.length()).trim();
    }

    /** Waits for the script's end and asserts that it exited with 0. */
    void assertPassed() throws InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            fail(script + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        pump.join(5000);
        assertEquals(0, process.exitValue(), script + " failed (its output is above; screenshots in target/e2e/)");
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
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
