package org.parley.infrastructure.transport.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import org.parley.xmpp.core.XmppServer;
import org.parley.xmpp.core.testing.ManualScheduler;
import org.parley.xmpp.core.testing.ExampleOrg;
import org.parley.xmpp.sasl.AuthThrottle;
import org.parley.xmpp.spi.Module;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A {@link TcpConnection} on Netty's in-memory channel over a real core (example.org, alice/secret, inline
 * workers): tests write the client's bytes and read everything the server wrote, with the real parser.
 */
final class EmbeddedTcp {
    static final String STREAM_NS = "http://etherx.jabber.org/streams";
    static final String HEADER = "<?xml version='1.0'?><stream:stream to='example.org' version='1.0'"
            + " xmlns='jabber:client' xmlns:stream='" + STREAM_NS + "'>";
    static final String AUTH_ALICE = "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
            + Base64.getEncoder().encodeToString("\0alice\0secret".getBytes(StandardCharsets.UTF_8)) + "</auth>";

    final XmppServer server;
    final EmbeddedChannel channel = new EmbeddedChannel();
    private final StringBuilder received = new StringBuilder();

    EmbeddedTcp(SslContext ssl, Module... modules) {
        server = new XmppServer(ExampleOrg.hosts(), ExampleOrg.accounts(), new ExampleOrg.InlineExecutor(),
                new AuthThrottle(100, 100, Duration.ofMinutes(1)), true, XmppServer.DEFAULT_REPLY_TIMEOUT,
                new ManualScheduler());
        server.start(List.of(modules));
        channel.pipeline().addLast("xmpp", new TcpConnection(channel, server, ssl, false, 10_000));
    }

    /** The client's bytes, as one TCP read; then runs what the connection scheduled on its event loop. */
    EmbeddedTcp send(String xml) {
        channel.writeInbound(Unpooled.copiedBuffer(xml, StandardCharsets.UTF_8));
        channel.runPendingTasks();
        return this;
    }

    /** Logs alice in with PLAIN and binds resource "tcp"; forgets what the server wrote until then. */
    EmbeddedTcp login() {
        send(HEADER).send(AUTH_ALICE);
        if (!take().contains("<success")) {
            throw new AssertionError("PLAIN failed");
        }
        send(HEADER).send("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                + "<resource>tcp</resource></bind></iq>");
        String bound = take();
        if (!bound.contains("alice@example.org/tcp")) {
            throw new AssertionError("bind failed: " + bound);
        }
        return this;
    }

    /** Everything the server wrote since the last call. */
    String take() {
        drain();
        String s = received.toString();
        received.setLength(0);
        return s;
    }

    private void drain() {
        for (Object o = channel.readOutbound(); o != null; o = channel.readOutbound()) {
            ByteBuf b = (ByteBuf) o;
            received.append(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
    }
}
