package org.parley.it.support;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Trust for the server's self-signed certificate: the certificate is fetched once from the server itself
 * (trust on first use, as a tester would pin it) and from then on only chains whose leaf is exactly that
 * certificate are accepted, so a test still fails if the server presents something else mid-run.
 */
public final class ServerTrust {
    private static volatile X509Certificate pinned;

    private ServerTrust() {
    }

    /** The server's certificate (fetched on first use). */
    public static synchronized X509Certificate certificate() {
        SmackEnvironment.init();
        if (pinned == null) {
            pinned = fetch();
        }
        return pinned;
    }

    /** Forgets the pin (a restarted server with a regenerated keystore would present a new one). */
    public static synchronized void reset() {
        pinned = null;
    }

    /** A trust manager accepting only the pinned certificate. */
    public static X509TrustManager trustManager() {
        X509Certificate expected = certificate();
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("no client certificates here");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                if (chain == null || chain.length == 0 || !chain[0].equals(expected)) {
                    throw new CertificateException("not the server's pinned certificate");
                }
                chain[0].checkValidity();
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[]{expected};
            }
        };
    }

    /** An SSL context for raw sockets that trusts the pinned certificate. */
    public static SSLContext sslContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[]{trustManager()}, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate fetch() {
        try {
            return fetchDirectTls();
        } catch (IOException | GeneralSecurityException direct) {
            try {
                return fetchStartTls();
            } catch (IOException | GeneralSecurityException starttls) {
                starttls.addSuppressed(direct);
                throw new IllegalStateException("cannot fetch the server certificate from " + ItConfig.host()
                        + " ports " + ItConfig.c2sTlsPort() + "/" + ItConfig.c2sPort(), starttls);
            }
        }
    }

    private static X509Certificate fetchDirectTls() throws IOException, GeneralSecurityException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(ItConfig.host(), ItConfig.c2sTlsPort()), 5000);
            return handshake(plain);
        }
    }

    private static X509Certificate fetchStartTls() throws IOException, GeneralSecurityException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(ItConfig.host(), ItConfig.c2sPort()), 5000);
            plain.setSoTimeout(5000);
            OutputStream out = plain.getOutputStream();
            out.write(RawXmpp.header(ItConfig.domain()).getBytes(StandardCharsets.UTF_8));
            out.flush();
            readUntil(plain.getInputStream(), "</stream:features>");
            out.write("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>".getBytes(StandardCharsets.UTF_8));
            out.flush();
            readUntil(plain.getInputStream(), "<proceed");
            readUntil(plain.getInputStream(), ">");
            return handshake(plain);
        }
    }

    private static X509Certificate handshake(Socket plain) throws IOException, GeneralSecurityException {
        X509Certificate[] seen = new X509Certificate[1];
        X509TrustManager recorder = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                seen[0] = chain[0];
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[]{recorder}, new SecureRandom());
        plain.setSoTimeout(5000);
        try (SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(plain, ItConfig.host(),
                plain.getPort(), false)) {
            tls.startHandshake();
        }
        if (seen[0] == null) {
            throw new IOException("the server sent no certificate");
        }
        return seen[0];
    }

    private static void readUntil(InputStream in, String marker) throws IOException {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[1];
        while (sb.indexOf(marker) < 0) {
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("stream ended before " + marker + ": " + sb);
            }
            sb.append((char) buf[0]);
        }
    }
}
