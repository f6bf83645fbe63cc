package org.parley.xmpp.stream;

import org.dom4j.Namespace;
import org.dom4j.QName;

/**
 * Per-parser cache of dom4j {@link QName}s and {@link Namespace}s. dom4j validates names with a
 * regular expression whenever a QName is constructed and its own caches are synchronized, so
 * building elements through this cache is much cheaper. Not thread-safe (one per parser).
 * <p>
 * The number of entries also serves as a measure of how many distinct names the current Aalto
 * reader has put into its symbol table (which Aalto never shrinks), see
 * {@link XmlStreamParser}.
 */
final class NameCache {

    private static final class Entry {
        final boolean isNamespace;
        final String local;   // null for namespace entries
        final String prefix;
        final String uri;
        final int hash;
        final Object value;
        Entry next;

        Entry(boolean isNamespace, String local, String prefix, String uri, int hash, Object value) {
            this.isNamespace = isNamespace;
            this.local = local;
            this.prefix = prefix;
            this.uri = uri;
            this.hash = hash;
            this.value = value;
        }
    }

    private Entry[] table = new Entry[64];
    private int size;

    int size() {
        return size;
    }

    void clear() {
        if (size != 0) {
            if (table.length > 256) {
                table = new Entry[64];
            } else {
                java.util.Arrays.fill(table, null);
            }
            size = 0;
        }
    }

    /** QName for an element or attribute; {@code prefix} and {@code uri} are "" when absent. */
    QName qname(String local, String prefix, String uri) {
        int h = mix(local.hashCode() * 31 + uri.hashCode() + prefix.hashCode() * 17);
        Entry[] t = table;
        for (Entry e = t[h & (t.length - 1)]; e != null; e = e.next) {
            if (e.hash == h && !e.isNamespace && eq(e.local, local) && eq(e.uri, uri) && eq(e.prefix, prefix)) {
                return (QName) e.value;
            }
        }
        Namespace ns = uri.isEmpty() && prefix.isEmpty() ? Namespace.NO_NAMESPACE : namespace(prefix, uri);
        QName q = new QName(local, ns);
        put(new Entry(false, local, prefix, uri, h, q));
        return q;
    }

    /** Namespace (declaration) for {@code prefix} ("" = default) and {@code uri}. */
    Namespace namespace(String prefix, String uri) {
        int h = mix(uri.hashCode() * 31 + prefix.hashCode() + 0x5bd1e995);
        Entry[] t = table;
        for (Entry e = t[h & (t.length - 1)]; e != null; e = e.next) {
            if (e.hash == h && e.isNamespace && eq(e.uri, uri) && eq(e.prefix, prefix)) {
                return (Namespace) e.value;
            }
        }
        Namespace ns;
        if ("xml".equals(prefix) && Namespace.XML_NAMESPACE.getURI().equals(uri)) {
            ns = Namespace.XML_NAMESPACE;
        } else if (prefix.isEmpty() && uri.isEmpty()) {
            ns = Namespace.NO_NAMESPACE;
        } else {
            ns = Namespace.get(prefix, uri);
        }
        put(new Entry(true, null, prefix, uri, h, ns));
        return ns;
    }

    private void put(Entry e) {
        if (size >= table.length * 3 / 4) {
            grow();
        }
        int idx = e.hash & (table.length - 1);
        e.next = table[idx];
        table[idx] = e;
        size++;
    }

    private void grow() {
        Entry[] old = table;
        Entry[] t = new Entry[old.length * 2];
        for (Entry head : old) {
            for (Entry e = head; e != null; ) {
                Entry next = e.next;
                int idx = e.hash & (t.length - 1);
                e.next = t[idx];
                t[idx] = e;
                e = next;
            }
        }
        table = t;
    }

    private static boolean eq(String a, String b) {
        return a == b || a.equals(b);
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
