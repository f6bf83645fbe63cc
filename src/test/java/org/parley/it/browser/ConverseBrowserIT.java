package org.parley.it.browser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * The web chat (/chat, converse.js) in headless Chromium against the running test server: each test runs one
 * Node.js script of src/test/e2e (Playwright) and passes when it exits with 0. Output is streamed; on failure
 * the scripts leave screenshots and the pages' HTML in target/e2e/.
 * <p>
 * Needs node, /usr/bin/chromium and src/test/e2e/node_modules ({@code npm ci} there). Without them the tests
 * are skipped locally; in CI ({@code CI=true}, where .ci/run installs them) they fail instead.
 */
class ConverseBrowserIT {
    @BeforeAll
    static void prerequisites() {
        BrowserScripts.requirePrerequisites();
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
     * A message written while the BOSH page reloads. The server writes it into the response of the old page's
     * pending request, which the browser aborted: the write succeeds (the container does not notice the
     * closed connection), converse re-attaches with the next rid, sends no acknowledgements (XEP-0124 §9) and
     * never asks for that response again, so the message is lost to the page. Message archives (XEP-0313),
     * which converse queries after re-attaching, would bring it back.
     */
    @Test
    @Disabled("known gap: a message arriving while a BOSH page reloads is lost to that page (needs MAM)")
    void messageWrittenDuringBoshReloadArrives() throws Exception {
        node("conversation.mjs", Map.of("E2E_IN_FLIGHT", "1"));
    }

    private static void node(String script, Map<String, String> extraEnv) throws Exception {
        BrowserScripts.node(script, extraEnv);
    }
}
