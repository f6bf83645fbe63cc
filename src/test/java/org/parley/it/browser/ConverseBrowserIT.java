package org.parley.it.browser;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
 * The web chat (/chat, converse.js) in headless Chromium against the running test server: each test runs one
 * Node.js script of src/test/e2e (Playwright) and passes when it exits with 0. Output is streamed; on failure
 * the scripts leave screenshots and the pages' HTML in target/e2e/.
 * <p>
 * Needs node, /usr/bin/chromium and src/test/e2e/node_modules ({@code npm ci} there). Without them the tests
 * are skipped locally; in CI ({@code CI=true}, where .ci/run installs them) they fail instead.
 */
class ConverseBrowserIT {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path E2E = BASEDIR.resolve("src/test/e2e");
    private static final String CHROMIUM = System.getProperty("parley.e2e.chromium", "/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 300;

    @BeforeAll
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

    /** Two users over BOSH and WebSocket: contacts, presence, messages, typing; BOSH page reload. */
    @Test
    void conversationOverBoshAndWebSocketWithReload() throws Exception {
        node("conversation.mjs", Map.of());
    }

    /** Another site embeds the chat with embed.js and its own credentials endpoint, over both transports. */
    @Test
    void embeddedInAnotherSite() throws Exception {
        node("embed.mjs", Map.of());
    }

    /**
     * A message written while the BOSH page reloads: the server writes it into the response of the old page's
     * held request, which the browser aborted. /chat rewinds the rid converse stores for re-attaching to that
     * request, so the reloaded page sends it again and gets the kept response (XEP-0124 §14.3).
     */
    @Test
    void messageWrittenDuringBoshReloadArrives() throws Exception {
        node("conversation.mjs", Map.of("E2E_IN_FLIGHT", "1"));
    }

    private static void node(String script, Map<String, String> extraEnv) throws IOException, InterruptedException {
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
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
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
