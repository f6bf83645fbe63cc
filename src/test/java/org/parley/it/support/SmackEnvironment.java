package org.parley.it.support;

import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.xml.SmackXmlParser;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smack.xml.stax.StaxXmlPullParser;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.security.Provider;
import java.security.Security;

/**
 * Makes the test JVM an ordinary Smack 4.4.8 client environment. Two things on the test classpath (which
 * also holds the server's dependencies) would otherwise break the client, not the server:
 * <ul>
 *   <li>Aalto is registered as the JVM's StAX provider; it reports the default namespace declaration's prefix
 *   as "" where Smack's parser expects null, and with assertions on (failsafe's default) Smack's
 *   StandardExtensionElementProvider then kills the reader thread on the first unknown extension element.
 *   Smack parses with the JDK's StAX implementation here, as in a plain Java application.</li>
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
        SmackConfiguration.getVersion(); // runs Smack's initializers, which register BouncyCastle
        useJdkStax();
        Provider bc = Security.getProvider("BC");
        if (bc != null) {
            Security.removeProvider("BC");
            Security.addProvider(bc);
        }
        done = true;
    }

    /**
     * Smack's own StAX factory keeps the first XMLInputFactory.newInstance() forever (Aalto here, and other
     * tests of this JVM may have created it already), so Smack gets a parser factory of ours: Smack's StAX
     * adapter over the JDK's StAX implementation, with Smack's settings.
     */
    private static void useJdkStax() {
        XMLInputFactory jdk = XMLInputFactory.newDefaultFactory();
        jdk.setProperty(XMLInputFactory.IS_COALESCING, true);
        jdk.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        jdk.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        jdk.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        Constructor<StaxXmlPullParser> adapter;
        try {
            adapter = StaxXmlPullParser.class.getDeclaredConstructor(javax.xml.stream.XMLStreamReader.class);
            adapter.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Smack's StAX adapter changed", e);
        }
        SmackXmlParser.setXmlPullParserFactory(reader -> {
            try {
                return (XmlPullParser) adapter.newInstance(jdk.createXMLStreamReader(reader));
            } catch (XMLStreamException e) {
                throw new XmlPullParserException(e);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
