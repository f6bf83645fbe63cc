package org.parley.xmpp.core;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.parley.xmpp.sasl.SaslMechanisms;
import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.spi.ModuleContext.StreamState;

/**
 * The stream features a C2S stream offers after each header (RFC 6120 §4.3.2): what the host's settings and
 * the transport allow, apart from {@link C2SStream} so the stream keeps only its states.
 */
final class StreamFeatures {
    private StreamFeatures() {
    }

    static Element offered(XmppServer server, Connection connection, String domain, boolean authenticated,
                           SaslExchange sasl) {
        Element features = DocumentHelper.createElement(
                QName.get("features", Namespace.get("stream", "http://etherx.jabber.org/streams")));
        HostSettings settings = server.hosts().settings(domain);
        if (!authenticated) {
            boolean tlsRequired = settings.get(StreamSettings.TLS_MODE) == HostSettings.TlsMode.REQUIRED;
            if (!connection.isSecure() && connection.tlsAvailable()
                    && settings.get(StreamSettings.TLS_MODE) != HostSettings.TlsMode.DISABLED) {
                Element starttls = features.addElement(QName.get("starttls", C2SStream.TLS_NS));
                if (tlsRequired) {
                    starttls.addElement("required");
                }
            }
            if (!tlsRequired || connection.isSecure()) {
                Element mechs = features.addElement(QName.get("mechanisms", C2SStream.SASL_NS));
                for (String m : SaslMechanisms.offered(sasl.plainAllowed())) {
                    mechs.addElement("mechanism").setText(m);
                }
                server.streamFeatures(features, StreamState.BEFORE_AUTH, domain);
            }
        } else {
            features.addElement(QName.get("bind", C2SStream.BIND_NS));
            features.addElement(QName.get("session", C2SStream.SESSION_NS)).addElement("optional");
            server.streamFeatures(features, StreamState.AFTER_AUTH, domain);
        }
        return features;
    }
}
