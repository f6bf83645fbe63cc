package org.parley.infrastructure.transport.websocket;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.parley.application.XmppServerBean;
import org.parley.config.ParleyConfig;
import org.parley.infrastructure.transport.Redirects;

import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * XMPP over WebSocket (RFC 7395) at {@code /xmpp-websocket}, subprotocol {@code xmpp}. The container makes
 * one instance per connection. Keep-alive: a WebSocket ping after {@code parley.websocket.ping.seconds}
 * (default 30, 0 = off) without output, on top of the XEP-0199 idle pings every session gets.
 */
@ServerEndpoint(value = "/xmpp-websocket", subprotocols = {"xmpp"}, configurator = XmppWebSocketConfigurator.class)
public class XmppWebSocketEndpoint {
    private static final Logger LOG = Logger.getLogger(XmppWebSocketEndpoint.class.getName());
    static final String SUBPROTOCOL = "xmpp";

    @Inject
    XmppServerBean serverBean;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private WebSocketConnection connection;
    private ScheduledFuture<?> keepAlive;
    /** Set while the node sends new sessions elsewhere: the client's open is answered with see-other-uri. */
    private String redirect;

    @OnOpen
    public void open(Session session) throws IOException {
        if (!SUBPROTOCOL.equals(session.getNegotiatedSubprotocol())) {
            // RFC 7395 §3.1: without the subprotocol there is no XMPP session
            session.close(new CloseReason(CloseReason.CloseCodes.PROTOCOL_ERROR, "subprotocol xmpp required"));
            return;
        }
        redirect = Redirects.websocket();
        if (redirect != null) {
            return;
        }
        int maxStanza = ParleyConfig.maxStanzaBytes();
        // parts of larger messages still reach the parser, which answers policy-violation
        session.setMaxTextMessageBufferSize(maxStanza);
        long maxQueued = Math.max(4L << 20, 8L * maxStanza);
        Outbox out = new Outbox(new SessionSink(session), maxQueued, () -> System.nanoTime() / 1_000_000);
        connection = new WebSocketConnection(serverBean.server(), out, session.isSecure(),
                SessionSink.remoteAddress(session), maxStanza,
                (task, millis) -> scheduler.schedule(task, millis, TimeUnit.MILLISECONDS));
        long ping = TimeUnit.SECONDS.toMillis(ParleyConfig.getInt("websocket.ping.seconds", 30));
        if (ping > 0) {
            WebSocketConnection c = connection;
            keepAlive = scheduler.scheduleWithFixedDelay(() -> c.keepAlive(ping), ping, ping, TimeUnit.MILLISECONDS);
        }
    }

    @OnMessage
    public void text(String part, boolean last, Session session) throws IOException {
        if (connection != null) {
            connection.text(part, last);
        } else if (redirect != null && last) { // the client's <open/>: tell it where to go, then close
            session.getBasicRemote().sendText(Framing.seeOtherUri(redirect));
            session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "see-other-uri"));
        }
    }

    @OnClose
    public void closed(Session session, CloseReason reason) {
        end();
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "WebSocket " + session.getId() + " failed", error);
        end();
        try {
            session.close();
        } catch (IOException | RuntimeException e) {
            // already gone
        }
    }

    private void end() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        if (connection != null) {
            connection.transportClosed();
        }
    }
}
