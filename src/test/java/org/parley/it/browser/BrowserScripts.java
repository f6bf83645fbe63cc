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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the Node.js browser scripts of src/test/e2e (Playwright, headless Chromium) against the running test
 * server. Needs node, /usr/bin/chromium and src/test/e2e/node_modules ({@code npm ci} there): without them
 * the tests are skipped locally; in CI ({@code CI=true}, where .ci/run installs them) they fail instead.
 */
final class BrowserScripts {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path E2E = BASEDIR.resolve("src/test/e2e");
    private static final String CHROMIUM = System.getProperty("parley.e2e.chromium", "/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 300;

    private BrowserScripts() {
    }

    /** Skips (locally) or fails (CI) the calling test class when the browser tools are missing. */
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

    /**
     * Runs one script with the server's settings in its environment; fails unless it exits with 0. Its output
     * is streamed to the test log and returned.
     */
    static String node(String script, Map<String, String> extraEnv) throws IOException, InterruptedException {
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
        System.out.println("== " + script + " " + extraEnv + " against " + env.get("PARLEY_BASE_URL"));
        Process p = pb.start();
        StringBuffer output = new StringBuffer();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.append(line).append('\n');
                    System.out.println("   [" + script + "] " + line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "e2e-output");
        pump.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail(script + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        pump.join(5000);
        assertEquals(0, p.exitValue(), script + " failed (its output is above; screenshots in target/e2e/)");
        return output.toString();
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
