package org.parley.it.support;

import org.jivesoftware.smack.SmackConfiguration;

import java.security.Provider;
import java.security.Security;

/**
 * Makes the test JVM an ordinary Smack 4.4.8 client environment. Two things on the test classpath (which
 * also holds the server's dependencies) would otherwise break the client, not the server:
 * <ul>
 *   <li>Aalto is registered as the JVM's StAX provider; it reports the default namespace declaration's prefix
 *   as "" where Smack's parser expects null, and with assertions on (failsafe's default) Smack's
 *   StandardExtensionElementProvider then kills the reader thread on the first unknown extension element.
 *   Smack uses the JDK's StAX implementation here, as it does in a plain Java application.</li>
 *   <li>Smack's initialisation (its OpenPGP/OMEMO parts) inserts BouncyCastle 1.65 as the first security
 *   provider; JSSE then gets BouncyCastle X25519 keys that the JDK's key agreement rejects ("cannot identify
 *   XDH private key") and every TLS handshake fails. BouncyCastle is moved to the end of the list: Smack still
 *   finds it, TLS uses the JDK's providers.</li>
 * </ul>
 */
public final class SmackEnvironment {
    private static boolean done;

    private SmackEnvironment() {
    }

    public static synchronized void init() {
        if (done) {
            return;
        }
        if (System.getProperty("javax.xml.stream.XMLInputFactory") == null) {
            System.setProperty("javax.xml.stream.XMLInputFactory", "com.sun.xml.internal.stream.XMLInputFactoryImpl");
        }
        SmackConfiguration.getVersion(); // runs Smack's initializers, which register BouncyCastle
        Provider bc = Security.getProvider("BC");
        if (bc != null) {
            Security.removeProvider("BC");
            Security.addProvider(bc);
        }
        done = true;
    }
}
