package org.parley.xmpp.stream;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The start tag of a stream's root element, e.g. {@code <stream:stream>} or BOSH {@code <body>}.
 *
 * @param localName    local name, e.g. {@code stream}
 * @param namespaceUri namespace URI of the element ({@code ""} if none)
 * @param prefix       prefix of the element ({@code ""} if none)
 * @param namespaces   namespace declarations on the root, prefix → URI, {@code ""} for the default namespace
 * @param attributes   attributes by qualified name as written, e.g. {@code to}, {@code version},
 *                     {@code xml:lang}, {@code xmpp:version}; namespace declarations are not included
 */
public record RootElement(String localName, String namespaceUri, String prefix,
                          Map<String, String> namespaces, Map<String, String> attributes) {

    public RootElement {
        Objects.requireNonNull(localName, "localName");
        namespaceUri = namespaceUri == null ? "" : namespaceUri;
        prefix = prefix == null ? "" : prefix;
        namespaces = namespaces == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(namespaces));
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Qualified name as written, e.g. {@code stream:stream}. */
    public String qualifiedName() {
        return prefix.isEmpty() ? localName : prefix + ':' + localName;
    }

    /** Attribute value by qualified name, or {@code null}. */
    public String attribute(String qualifiedName) {
        return attributes.get(qualifiedName);
    }

    /** Convenience: {@code true} if this is {@code <stream xmlns='http://etherx.jabber.org/streams'>}. */
    public boolean isXmppStream() {
        return "stream".equals(localName) && "http://etherx.jabber.org/streams".equals(namespaceUri);
    }
}
