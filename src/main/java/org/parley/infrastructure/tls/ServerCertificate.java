package org.parley.infrastructure.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.parley.config.ParleyConfig;

import javax.net.ssl.KeyManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The server's TLS identity: a configured PKCS#12 keystore ({@code parley.tls.keystore} and
 * {@code parley.tls.keystore.password}), or a self-signed certificate for the served domains generated on
 * first start into the data directory (with keytool, which every JDK has).
 */
public final class ServerCertificate {
    private static final Logger LOG = Logger.getLogger(ServerCertificate.class.getName());

    private ServerCertificate() {
    }

    public static SslContext serverContext(Collection<String> domains) throws Exception {
        String configured = ParleyConfig.get("tls.keystore", null);
        Path keystore;
        char[] password;
        if (configured != null) {
            keystore = Path.of(configured);
            password = ParleyConfig.get("tls.keystore.password", "").toCharArray();
        } else {
            Path dir = ParleyConfig.dataDir();
            Files.createDirectories(dir);
            keystore = dir.resolve("parley-tls.p12");
            Path passFile = dir.resolve("parley-tls.pass");
            if (!Files.exists(keystore) || !Files.exists(passFile)) {
                byte[] raw = new byte[18];
                new SecureRandom().nextBytes(raw);
                String pass = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
                generate(keystore, pass, domains);
                Files.writeString(passFile, pass, StandardCharsets.UTF_8);
            }
            password = Files.readString(passFile, StandardCharsets.UTF_8).trim().toCharArray();
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        return SslContextBuilder.forServer(kmf).protocols("TLSv1.3", "TLSv1.2").build();
    }

    private static void generate(Path keystore, String password, Collection<String> domains)
            throws IOException, InterruptedException {
        Files.deleteIfExists(keystore);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        String first = domains.isEmpty() ? "localhost" : domains.iterator().next();
        String san = domains.stream().map(d -> "dns:" + d).collect(Collectors.joining(","));
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "parley", "-keyalg", "EC",
                "-groupname", "secp256r1", "-validity", "3650", "-dname", "CN=" + first,
                "-ext", "SAN=" + (san.isEmpty() ? "dns:localhost" : san),
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + out);
        }
        LOG.info(() -> "generated a self-signed TLS certificate for " + domains + " at " + keystore);
    }
}
