package org.parley.it.browser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * The web chat (/chat, converse.js) in headless Chromium against the running test server: each test runs one
 * Node.js script of src/test/e2e (Playwright) and passes when it exits with 0 ({@link NodeScript}). On failure
 * the scripts leave screenshots and the pages' HTML in target/e2e/.
 */
class ConverseBrowserIT {

    @BeforeAll
    static void prerequisites() {
        NodeScript.prerequisites();
    }

    /** Two users over BOSH and WebSocket: contacts, presence, messages, typing; BOSH page reload. */
    @Test
    void conversationOverBoshAndWebSocketWithReload() throws Exception {
        NodeScript.run("conversation.mjs", Map.of());
    }

    /** Another site embeds the chat with embed.js and its own credentials endpoint, over both transports. */
    @Test
    void embeddedInAnotherSite() throws Exception {
        NodeScript.run("embed.mjs", Map.of());
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

    private static void node(String script, Map<String, String> extraEnv) throws Exception {
        NodeScript.run(script, extraEnv);
    }
}
