package org.parley.feature.blocking;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlocklistTest {

    private static Blocklist of(String... jids) {
        return Blocklist.parse(List.of(jids));
    }

    private static JID j(String s) {
        return new JID(s);
    }

    @Test
    void fullJidMatchesOnlyThatResource() {
        Blocklist b = of("romeo@montague.net/orchard");
        assertTrue(b.blocks(j("romeo@montague.net/orchard")));
        assertFalse(b.blocks(j("romeo@montague.net/garden")));
        assertFalse(b.blocks(j("romeo@montague.net")));
        assertFalse(b.blocks(j("montague.net")));
    }

    @Test
    void bareJidMatchesEveryResource() {
        Blocklist b = of("romeo@montague.net");
        assertTrue(b.blocks(j("romeo@montague.net")));
        assertTrue(b.blocks(j("romeo@montague.net/orchard")));
        assertFalse(b.blocks(j("benvolio@montague.net")));
        assertFalse(b.blocks(j("montague.net")));
    }

    @Test
    void domainResourceMatchesOnlyThatJid() {
        Blocklist b = of("montague.net/bot");
        assertTrue(b.blocks(j("montague.net/bot")));
        assertFalse(b.blocks(j("montague.net")));
        assertFalse(b.blocks(j("romeo@montague.net/bot")));
        assertFalse(b.blocks(j("montague.net/other")));
    }

    @Test
    void domainMatchesEverythingAtItAndAtSubdomains() {
        Blocklist b = of("montague.net");
        assertTrue(b.blocks(j("montague.net")));
        assertTrue(b.blocks(j("montague.net/bot")));
        assertTrue(b.blocks(j("romeo@montague.net")));
        assertTrue(b.blocks(j("romeo@montague.net/orchard")));
        assertTrue(b.blocks(j("chat.montague.net")));
        assertTrue(b.blocks(j("room@muc.chat.montague.net/nick")));
        assertFalse(b.blocks(j("evilmontague.net")));
        assertFalse(b.blocks(j("capulet.com")));
    }

    @Test
    void ipLiteralsMatchOnlyExactly() {
        Blocklist b = of("0.0.1");
        assertFalse(b.blocks(j("user@127.0.0.1")));
        assertTrue(of("127.0.0.1").blocks(j("user@127.0.0.1/x")));
    }

    @Test
    void matchingIsOnCanonicalForms() {
        Blocklist b = of("Romeo@Montague.NET");
        assertTrue(b.blocks(j("romeo@montague.net/x")));
        assertEquals("[romeo@montague.net]", b.toString());
    }

    @Test
    void emptyListBlocksNothing() {
        assertFalse(Blocklist.EMPTY.blocks(j("romeo@montague.net")));
        assertFalse(Blocklist.EMPTY.blocks(null));
        assertSame(Blocklist.EMPTY, of());
    }

    @Test
    void plusAndMinusKeepOrderAndSkipDuplicates() {
        Blocklist b = of("a@x.org", "b@x.org");
        Blocklist more = b.plus(List.of(j("b@x.org"), j("c@x.org")));
        assertEquals(List.of(j("a@x.org"), j("b@x.org"), j("c@x.org")), more.items());
        assertSame(b, b.plus(List.of(j("a@x.org"))));
        Blocklist less = more.minus(List.of(j("a@x.org"), j("zzz@x.org")));
        assertEquals(List.of(j("b@x.org"), j("c@x.org")), less.items());
        assertFalse(less.blocks(j("a@x.org")));
        assertSame(Blocklist.EMPTY, less.minus(less.items()));
    }

    @Test
    void unparseableStoredValuesAreSkipped() {
        Blocklist b = of("good@x.org", "bad@@x.org/");
        assertEquals(1, b.size());
    }
}
