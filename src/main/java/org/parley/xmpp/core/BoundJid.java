package org.parley.xmpp.core;

import org.xmpp.packet.JID;

/**
 * The full JID of a resource binding. Stringprep is slow (tens of microseconds per character) and every
 * binding brings a new resource, so a resource of printable ASCII, which Resourceprep (RFC 3920 appendix B)
 * leaves unchanged, skips it; the node still goes through the (cached) Nodeprep, and the domain is a
 * configured host, already prepared. Anything else takes the full Stringprep path.
 */
final class BoundJid {
    private static final int MAX_PART_BYTES = 1023;

    private BoundJid() {
    }

    /** @throws IllegalArgumentException if a part is not a valid JID part */
    static JID of(String node, String domain, String resource) {
        if (isPrintableAscii(resource) && resource.length() <= MAX_PART_BYTES) {
            return new JID(JID.nodeprep(node), domain, resource, true);
        }
        return new JID(node, domain, resource);
    }

    /** U+0020..U+007E: no mapping, normalisation or prohibition of Resourceprep applies to these. */
    static boolean isPrintableAscii(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
