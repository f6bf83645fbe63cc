package org.parley.infrastructure.transport.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The container's WebSocket session as the {@link Outbox}'s sink. */
final class SessionSink implements Outbox.Sink {
    private static final Logger LOG = Logger.getLogger(SessionSink.class.getName());
    private static final ByteBuffer PING = ByteBuffer.wrap(new byte[] {'p'}).asReadOnlyBuffer();

    private final Session session;

    SessionSink(Session session) {
        this.session = session;
    }

    @Override
    public void sendText(String text, Consumer<Throwable> done) {
        session.getAsyncRemote().sendText(text, result -> done.accept(result.isOK() ? null : result.getException()));
    }

    @Override
    public void sendPing(Consumer<Throwable> done) {
        try {
            session.getAsyncRemote().sendPing(PING.duplicate());
            done.accept(null);
        } catch (IOException | RuntimeException e) {
            done.accept(e);
        }
    }

    @Override
    public void close(int code, String reason) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason == null ? "" : reason));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing WebSocket " + session.getId(), e);
        }
    }

    /**
     * The peer's IP address. The WebSocket API does not tell it; the container's session does
     * ({@code getWebSocketChannel().getSourceAddress()} in WildFly), so ask it by reflection; "?" elsewhere.
     */
    static String remoteAddress(Session session) {
        try {
            Object channel = publicMethod(session.getClass(), "getWebSocketChannel").invoke(session);
            Object address = publicMethod(channel.getClass(), "getSourceAddress").invoke(channel);
            if (address instanceof InetSocketAddress a && a.getAddress() != null) {
                return a.getAddress().getHostAddress();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "remote address of a WebSocket unknown", e);
        }
        return "?";
    }

    /** The method as declared by a public class of the hierarchy (invocable from here). */
    private static Method publicMethod(Class<?> type, String name) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (Modifier.isPublic(c.getModifiers())) {
                try {
                    return c.getMethod(name);
                } catch (NoSuchMethodException e) {
                    // try the superclass
                }
            }
        }
        throw new NoSuchMethodException(name);
    }
}
