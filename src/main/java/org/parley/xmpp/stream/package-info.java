/**
 * Non-blocking XML stream parsing and compact serialisation for XMPP.
 * <ul>
 *   <li>{@link org.parley.xmpp.stream.XmlStreamParser}: incremental parser (Aalto async StAX) that turns
 *       arbitrary byte chunks into dom4j elements, enforcing RFC 6120 §11.1 restrictions and size limits.</li>
 *   <li>{@link org.parley.xmpp.stream.XmlWriter}: fast, namespace-correct serialiser for dom4j elements.</li>
 * </ul>
 *
 * <h2>Aalto 1.3.3 behaviours worked around</h2>
 * <ul>
 *   <li>Byte offsets from the async byte-array reader include the array offset of the last
 *       {@code feedInput} call; they are corrected (detected once at class initialisation). Starting
 *       offsets are not used at all (wrong for the root element, after comments, …).</li>
 *   <li>Turning {@code P_LAZY_PARSING} off makes the async scanner fail with "Internal error: should
 *       never execute this code path" on entity references split across chunks, so it is left on.</li>
 *   <li>Overlong UTF-8 (e.g. {@code C0 AF}) is accepted by Aalto; a byte-level prescanner validates UTF-8
 *       strictly and also rejects DOCTYPE / comments / PIs / undeclared entities before Aalto buffers
 *       them (Aalto would fail a DOCTYPE with an internal subset with an unrelated message, report
 *       {@code <!ENTITY} in content as a generic syntax error, and accept an XML declaration naming
 *       ISO-8859-1 and decode accordingly).</li>
 *   <li>A 4-byte UTF-8 character (e.g. an emoji) in an attribute value or namespace URI that is split
 *       across two {@code feedInput} calls is decoded wrongly (U+1F600 becomes U+F600). The parser never
 *       splits a character between calls: slices end on character boundaries, and an incomplete
 *       character at the end of a {@code feed} is copied (at most 3 bytes) and completed by the next.</li>
 *   <li>{@code ]]>} in character data is only rejected when it arrives in one piece; the prescanner
 *       rejects it regardless.</li>
 *   <li>Some malformed input is reported with unchecked exceptions; they are mapped to
 *       {@code not-well-formed}.</li>
 *   <li>A mismatched end tag shorter than the expected one (e.g. {@code <a></b>}) is only reported
 *       once a few more bytes have arrived.</li>
 *   <li>Every reader has a symbol table of names that only grows, and a reader that is closed merges
 *       its names into the factory-wide table. Readers are therefore never closed (except one warm-up
 *       reader at class initialisation), and in STREAM mode the reader is replaced between stanzas
 *       after enough distinct names.</li>
 * </ul>
 */
package org.parley.xmpp.stream;
