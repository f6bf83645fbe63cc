package org.parley.infrastructure.transport.tcp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import org.parley.xmpp.core.XmppServer;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;

/** The c2s TCP listeners: STARTTLS port (RFC 6120) and direct TLS port (XEP-0368), on a few event loops. */
public final class TcpListener {
    private static final Logger LOG = Logger.getLogger(TcpListener.class.getName());
    private final XmppServer server;
    private final SslContext sslContext;
    private final int maxStanzaBytes;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final List<Channel> channels = new java.util.concurrent.CopyOnWriteArrayList<>();

    public TcpListener(XmppServer server, SslContext sslContext, int maxStanzaBytes, int eventLoops,
                       ThreadFactory threads) {
        this.server = server;
        this.sslContext = sslContext;
        this.maxStanzaBytes = maxStanzaBytes;
        this.boss = new MultiThreadIoEventLoopGroup(1, threads, NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(eventLoops, threads, NioIoHandler.newFactory());
    }

    public void listen(String address, int port, boolean directTls) throws InterruptedException {
        if (port <= 0) {
            return;
        }
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 256 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (directTls) {
                            ch.pipeline().addLast("tls", sslContext.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast("flush", new FlushConsolidationHandler(64, true));
                        ch.pipeline().addLast("xmpp", new TcpConnection(ch, server, sslContext, directTls,
                                maxStanzaBytes));
                    }
                });
        Channel ch = b.bind(new InetSocketAddress(address, port)).sync().channel();
        channels.add(ch);
        LOG.info(() -> "XMPP c2s listening on " + address + ":" + port + (directTls ? " (direct TLS)" : " (STARTTLS)"));
    }

    /** Each bound listener ("127.0.0.1:5222") and whether its socket is still open, for the health checks. */
    public Map<String, Boolean> listeners() {
        Map<String, Boolean> state = new LinkedHashMap<>();
        for (Channel ch : channels) {
            InetSocketAddress local = (InetSocketAddress) ch.localAddress();
            String name = local == null ? ch.id().asShortText() : local.getHostString() + ":" + local.getPort();
            state.put(name, ch.isActive());
        }
        return state;
    }

    public void close() {
        for (Channel ch : channels) {
            ch.close().syncUninterruptibly();
        }
        workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
