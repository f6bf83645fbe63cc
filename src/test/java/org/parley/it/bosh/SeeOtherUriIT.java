package org.parley.it.bosh;

import org.dom4j.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.it.support.ServerControl;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A drained node sends new web sessions elsewhere: BOSH with a see-other-uri terminal body (XEP-0124 §17),
 * WebSocket with {@code <close see-other-uri/>} (RFC 7395 §3.6.1); sessions already running carry on, and
 * removing the setting makes the node accept sessions again.
 */
class SeeOtherUriIT {
    private static final String BOSH_TARGET = "https://other.example:5443/http-bind?node=b&x=1";
    private static final String WS_TARGET = "wss://other.example/xmpp-websocket";
    private boolean boshSet;
    private boolean wsSet;

    @AfterEach
    void undrain() throws Exception {
        if (boshSet) {
            ServerControl.systemProperty("parley.bosh.redirect", null);
        }
        if (wsSet) {
            ServerControl.systemProperty("parley.websocket.redirect", null);
        }
    }

    @Test
    void boshSessionCreationIsSentToTheOtherUri() throws Exception {
        RawBosh running = new RawBosh();
        String jid = running.login(RawBosh.ADMIN_JID, RawBosh.ADMIN_PASSWORD, "drain-" + System.nanoTime());
        // held while jboss-cli runs (slower than the tests' 10 s inactivity), so the session stays alive
        CompletableFuture<RawBosh.Reply> held = running.nextAsync("", null);
        ServerControl.systemProperty("parley.bosh.redirect", BOSH_TARGET);
        boshSet = true;

        RawBosh fresh = new RawBosh();
        RawBosh.Reply r = fresh.create();
        assertEquals(200, r.status(), r.text());
        Element body = r.body();
        assertEquals("terminate", body.attributeValue("type"), r.text());
        assertEquals("see-other-uri", body.attributeValue("condition"), r.text());
        assertNotNull(body.element("uri"), r.text());
        assertEquals(BOSH_TARGET, body.element("uri").getText());

        RawBosh.Reply self = running.send(RawBosh.message(jid, "still-here"));
        assertEquals(200, RawBosh.await(held).status());
        assertEquals(200, self.status());
        assertTrue(self.body().attributeValue("type") == null, "the running session carries on: " + self.text());
        running.next("type='terminate'", null);

        ServerControl.systemProperty("parley.bosh.redirect", null);
        boshSet = false;
        RawBosh again = new RawBosh();
        assertNotNull(again.create().body().attributeValue("sid"), "accepted again");
        again.next("type='terminate'", null);
    }

    @Test
    void webSocketOpenIsAnsweredWithSeeOtherUri() throws Exception {
        ServerControl.systemProperty("parley.websocket.redirect", WS_TARGET);
        wsSet = true;
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("xmpp")
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(RawBosh.BASE.replaceFirst("^http", "ws") + "/xmpp-websocket"),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                                received.add(data.toString());
                                w.request(1);
                                return null;
                            }

                            @Override
                            public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                                closed.complete(status);
                                return null;
                            }
                        }).get(10, TimeUnit.SECONDS);
        ws.sendText("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='" + RawBosh.DOMAIN + "' version='1.0'/>",
                true);
        String close = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(close, "an answer to the open");
        assertTrue(close.startsWith("<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'"), close);
        assertTrue(close.contains("see-other-uri=\"" + WS_TARGET + "\""), close);
        assertEquals(1000, closed.get(10, TimeUnit.SECONDS), "a normal WebSocket close follows");
    }
}
