package org.parley.it.console;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Trust for WildFly's HTTPS listener, whose self-signed certificate (generated on first use, for "localhost")
 * is not the XMPP one: the certificate is taken from a first handshake and from then on exactly that leaf is
 * accepted. An X509ExtendedTrustManager, so that JSSE does not check the name against 127.0.0.1.
 */
final class PinnedHttpsCertificate extends X509ExtendedTrustManager {
    private final X509Certificate pinned; // null: record what the server presents

    private X509Certificate seen;

    private PinnedHttpsCertificate(X509Certificate pinned) {
        this.pinned = pinned;
    }

    static SSLContext sslContext(String host, int port) {
        try {
            PinnedHttpsCertificate recorder = new PinnedHttpsCertificate(null);
            try (SSLSocket s = (SSLSocket) context(recorder).getSocketFactory().createSocket(host, port)) {
                s.setSoTimeout(10_000);
                s.startHandshake();
            }
            if (recorder.seen == null) {
                throw new IllegalStateException("no certificate from " + host + ":" + port);
            }
            return context(new PinnedHttpsCertificate(recorder.seen));
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach the HTTPS listener " + host + ":" + port, e);
        }
    }

    private static SSLContext context(TrustManager tm) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[]{tm}, new SecureRandom());
        return ctx;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no certificate");
        }
        if (pinned == null) {
            seen = chain[0];
        } else if (!chain[0].equals(pinned)) {
            throw new CertificateException("not the certificate of the first handshake");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("no client certificates here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pinned == null ? new X509Certificate[0] : new X509Certificate[]{pinned};
    }
}
