package org.parley.xmpp.sasl;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ScramAlgorithmTest {

    @Test
    void hmacAndHashMatchFreshJcaInstances() throws Exception {
        byte[] key = "key".getBytes(StandardCharsets.US_ASCII);
        byte[] data = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
        // RFC 2104 examples as published for HMAC-SHA1 / HMAC-SHA256
        assertEquals("de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9",
                HexFormat.of().formatHex(ScramAlgorithm.SHA_1.hmac(key, data)));
        assertEquals("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                HexFormat.of().formatHex(ScramAlgorithm.SHA_256.hmac(key, data)));
        for (ScramAlgorithm alg : ScramAlgorithm.values()) {
            assertArrayEquals(MessageDigest.getInstance(alg.digestAlgorithm()).digest(data), alg.hash(data));
        }
    }

    /** The shared prototypes are only cloned: concurrent uses with different keys never mix. */
    @Test
    void concurrentUsesWithDifferentKeysStayApart() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        for (ScramAlgorithm alg : ScramAlgorithm.values()) {
                            byte[] key = ("key-" + thread + "-" + i).getBytes(StandardCharsets.UTF_8);
                            byte[] data = ("data-" + i).getBytes(StandardCharsets.UTF_8);
                            assertArrayEquals(reference(alg, key, data), alg.hmac(key, data));
                            assertArrayEquals(MessageDigest.getInstance(alg.digestAlgorithm()).digest(key),
                                    alg.hash(key));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] reference(ScramAlgorithm alg, byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance(alg.hmacAlgorithm());
        mac.init(new SecretKeySpec(key, alg.hmacAlgorithm()));
        return mac.doFinal(data);
    }
}
