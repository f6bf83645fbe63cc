package org.parley.infrastructure.transport.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import org.dom4j.Element;
import org.parley.xmpp.core.C2SStream;
import org.parley.xmpp.core.Connection;
import org.parley.xmpp.core.StanzaLimit;
import org.parley.xmpp.spi.Hosts;
import org.parley.xmpp.core.Stanzas;
import org.parley.xmpp.core.XmppServer;
import org.parley.xmpp.stream.RootElement;
import org.parley.xmpp.stream.XmlStreamException;
import org.parley.xmpp.stream.XmlStreamParser;
import org.parley.xmpp.stream.XmlWriter;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * One TCP client connection: frames bytes into elements for its {@link C2SStream} and writes what the
 * stream sends. Runs on a Netty event loop and never blocks it.
 */
final class TcpConnection extends ChannelInboundHandlerAdapter implements Connection, XmlStreamParser.Listener {
    private static final String STREAM_NS = "http://etherx.jabber.org/streams";
    private static final String STREAMS_ERROR_NS = "urn:ietf:params:xml:ns:xmpp-streams";
    private static final String TLS_NS = "urn:ietf:params:xml:ns:xmpp-tls";

    private final Channel channel;
    private final SslContext sslContext;
    private final XmlStreamParser parser;
    private final C2SStream stream;
    private final Hosts hosts;
    private volatile boolean secure;
    private volatile boolean headerSent;
    private volatile boolean failed;
    /**
     * Set on the event loop when {@code <starttls/>} was read, cleared once TLS is in the pipeline: every plaintext
     * byte in between is dropped unread (RFC 6120 §5.4.3.3, the CVE-2011-0411 class of command injection).
     */
    private boolean awaitingTls;

    TcpConnection(Channel channel, XmppServer server, SslContext sslContext, boolean directTls, int maxStanzaBytes) {
        this.channel = channel;
        this.sslContext = sslContext;
        this.secure = directTls;
        this.parser = new XmlStreamParser(XmlStreamParser.Mode.STREAM, maxStanzaBytes, this);
        this.stream = new C2SStream(server, this);
        this.hosts = server.hosts();
    }

    // ---- inbound (event loop) ----

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (!failed && !awaitingTls) {
                parser.feed(buf.nioBuffer());
            }
        } catch (XmlStreamException e) {
            failed = true;
            stream.streamError(e.condition(), e.getMessage());
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stream.transportClosed();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // TLS handshake failures and resets: the stream just ends.
        ctx.close();
    }

    @Override
    public void rootOpened(RootElement root) {
        if (!"stream".equals(root.localName()) || !STREAM_NS.equals(root.namespaceUri())) {
            failed = true;
            stream.streamError("invalid-namespace", "the stream element must be stream:stream");
            return;
        }
        String defaultNs = root.namespaces().get("");
        if (!"jabber:client".equals(defaultNs)) {
            failed = true;
            stream.streamError("invalid-namespace", "the default namespace must be jabber:client");
            return;
        }
        parser.limitElementBytes(StanzaLimit.of(hosts, root.attributes().get("to")));
        stream.opened(root.attributes().get("to"), root.attributes().get("version"), root.attributes().get("xml:lang"));
    }

    @Override
    public void element(Element element) {
        if ("starttls".equals(element.getName()) && TLS_NS.equals(element.getNamespaceURI())) {
            // Inside the parser's callback, so the rest of this read is dropped too, not just what comes later.
            // Whatever the stream answers, no plaintext after <starttls/> is ever parsed: <proceed/> continues
            // in TLS with a fresh parser, <failure/> closes the connection.
            parser.resetAndDiscardRemainingInput();
            awaitingTls = true;
        }
        stream.element(element);
    }

    @Override
    public void rootClosed() {
        stream.closedByPeer();
    }

    // ---- outbound (any thread) ----

    @Override
    public void openStream(String streamId, String from, String lang) {
        headerSent = true;
        StringBuilder sb = new StringBuilder(200);
        sb.append("<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='").append(STREAM_NS)
                .append("' id='").append(streamId).append("' from=\"");
        XmlWriter.escapeAttribute(from, sb);
        sb.append("\" version='1.0' xml:lang=\"");
        XmlWriter.escapeAttribute(lang, sb);
        write(sb.append("\">").toString());
    }

    @Override
    public void send(Element element) {
        write(Stanzas.toXml(element));
    }

    @Override
    public void sendRaw(String xml) {
        write(xml);
    }

    @Override
    public void streamError(String condition, String text) {
        StringBuilder sb = new StringBuilder(160);
        sb.append("<stream:error><").append(condition).append(" xmlns='").append(STREAMS_ERROR_NS).append("'/>");
        if (text != null && !text.isBlank()) {
            sb.append("<text xmlns='").append(STREAMS_ERROR_NS).append("'>");
            XmlWriter.escapeText(text, sb);
            sb.append("</text>");
        }
        sb.append("</stream:error></stream:stream>");
        failed = true;
        channel.writeAndFlush(bytes(sb.toString())).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void closeStream() {
        failed = true;
        channel.writeAndFlush(bytes("</stream:stream>")).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public boolean tlsAvailable() {
        return sslContext != null && !secure;
    }

    @Override
    public void startTls(Element proceed) {
        String xml = XmlWriter.toXml(proceed);
        channel.eventLoop().execute(() -> {
            // The parser was reset and plaintext has been dropped since <starttls/> (see element()).
            SslHandler ssl = sslContext.newHandler(channel.alloc());
            // startTls=true: the proceed element still leaves in the clear.
            SslHandler handler = new SslHandler(ssl.engine(), true);
            channel.pipeline().addFirst("tls", handler);
            secure = true;
            awaitingTls = false; // what arrives from now on passes the TLS handler first
            channel.writeAndFlush(bytes(xml));
        });
    }

    @Override
    public void restartStream(Element success) {
        String xml = XmlWriter.toXml(success);
        channel.eventLoop().execute(() -> {
            parser.reset();
            channel.writeAndFlush(bytes(xml));
        });
    }

    @Override
    public String remoteAddress() {
        return channel.remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "?";
    }

    @Override
    public String transport() {
        return "tcp";
    }

    private void write(String xml) {
        channel.writeAndFlush(bytes(xml));
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.wrappedBuffer(s.getBytes(StandardCharsets.UTF_8));
    }
}
