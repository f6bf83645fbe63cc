package org.parley.infrastructure.transport.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.infrastructure.tls.ServerCertificate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * STARTTLS command injection (CVE-2011-0411 class): plaintext a client sends after {@code <starttls/>}, in the
 * same read or in a later one before the handshake, is never processed; the handshake then works and the secured
 * stream starts unauthenticated.
 */
class StartTlsPipeliningTest {
    private static final String STARTTLS = "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>";
    private static final String PROCEED = "<proceed xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\"/>";
    private static final String INJECTED = EmbeddedTcp.AUTH_ALICE
            + "<iq type='get' id='injected'><query xmlns='jabber:iq:register'/></iq>";

    @TempDir
    static Path dataDir;
    static SslContext serverTls;

    @BeforeAll
    static void certificate() throws Exception {
        System.setProperty("parley.data.dir", dataDir.toString());
        try {
            serverTls = ServerCertificate.serverContext(List.of("example.org"));
        } finally {
            System.clearProperty("parley.data.dir");
        }
    }

    @Test
    void plaintextInTheSameReadIsDiscarded() throws Exception {
        EmbeddedTcp tcp = new EmbeddedTcp(serverTls);
        tcp.send(EmbeddedTcp.HEADER);
        assertTrue(tcp.take().contains("starttls"));
        tcp.send(STARTTLS + INJECTED);
        assertEquals(PROCEED, tcp.take(), "only <proceed/>: the pipelined auth and IQ were not processed");
        assertTrue(tcp.channel.isActive());
        assertSecuredStreamIsFresh(tcp);
    }

    @Test
    void plaintextInALaterReadBeforeTheHandshakeIsDiscarded() throws Exception {
        EmbeddedTcp tcp = new EmbeddedTcp(serverTls);
        tcp.send(EmbeddedTcp.HEADER);
        tcp.take();
        // both reads happen before the event loop installs TLS (writeInbound would run its tasks in between)
        tcp.channel.pipeline().fireChannelRead(Unpooled.copiedBuffer(STARTTLS, StandardCharsets.UTF_8));
        tcp.channel.pipeline().fireChannelRead(
                Unpooled.copiedBuffer(EmbeddedTcp.HEADER + INJECTED, StandardCharsets.UTF_8));
        tcp.channel.runPendingTasks();
        assertEquals(PROCEED, tcp.take(), "no plaintext stream was opened and nothing answered");
        assertSecuredStreamIsFresh(tcp);
    }

    /** Handshakes with a real client engine; over TLS a new stream offers SASL again: nothing was authenticated. */
    private static void assertSecuredStreamIsFresh(EmbeddedTcp tcp) throws Exception {
        SslContext clientTls = SslContextBuilder.forClient()
                .trustManager(InsecureTrustManagerFactory.INSTANCE).build();
        SslHandler clientSsl = clientTls.newHandler(ByteBufAllocator.DEFAULT, "example.org", 5222);
        EmbeddedChannel client = new EmbeddedChannel(clientSsl);
        pump(client, tcp.channel);
        assertTrue(clientSsl.handshakeFuture().isSuccess(), "the TLS handshake completed: "
                + clientSsl.handshakeFuture().cause());
        client.writeOutbound(Unpooled.copiedBuffer(EmbeddedTcp.HEADER, StandardCharsets.UTF_8));
        pump(client, tcp.channel);
        StringBuilder plain = new StringBuilder();
        for (Object o = client.readInbound(); o != null; o = client.readInbound()) {
            plain.append(((ByteBuf) o).toString(StandardCharsets.UTF_8));
            ((ByteBuf) o).release();
        }
        String features = plain.toString();
        assertTrue(features.contains("<mechanism>PLAIN</mechanism>"), "SASL is offered again: " + features);
        assertFalse(features.contains("xmpp-bind"), "the injected auth did not authenticate: " + features);
        assertFalse(features.contains("injected"), features);
    }

    /** Moves bytes between the two in-memory channels until neither has anything to send. */
    private static void pump(EmbeddedChannel client, EmbeddedChannel server) {
        for (int round = 0; round < 100; round++) {
            boolean moved = move(client, server) | move(server, client);
            client.runPendingTasks();
            server.runPendingTasks();
            if (!moved) {
                return;
            }
        }
        throw new AssertionError("the TLS exchange did not settle");
    }

    private static boolean move(EmbeddedChannel from, EmbeddedChannel to) {
        boolean moved = false;
        for (Object o = from.readOutbound(); o != null; o = from.readOutbound()) {
            to.writeInbound(o);
            moved = true;
        }
        return moved;
    }
}
