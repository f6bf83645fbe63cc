package org.parley.it.client;

import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.Test;
import org.parley.it.support.ClientTestBase;
import org.parley.it.support.TestAccounts.Account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** vcard-temp (XEP-0054): set and get one's own vCard, read another user's. */
class VCardIT extends ClientTestBase {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
            'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};

    @Test
    void setGetOwnAndReadAnotherUsersVCard() throws Exception {
        Account alice = accounts.create("vca");
        Account bob = accounts.create("vcb");
        XMPPTCPConnection a = login(alice, "a");
        XMPPTCPConnection b = login(bob, "b");
        VCardManager av = VCardManager.getInstanceFor(a);
        VCardManager bv = VCardManager.getInstanceFor(b);
        assertTrue(av.isSupported(alice.jid()), "the account advertises vcard-temp");

        VCard card = new VCard();
        card.setFirstName("Alice");
        card.setLastName("Liddell \u00e9\u00e8");
        card.setNickName("ali<ce> & co");
        card.setEmailHome("alice@example.org");
        card.setOrganization("Wonderland");
        card.setField("TITLE", "Explorer");
        card.setAvatar(PNG, "image/png");
        av.saveVCard(card);

        VCard own = av.loadVCard();
        assertCard(own);
        VCard seenByBob = bv.loadVCard(alice.jid());
        assertCard(seenByBob);

        // a new vCard replaces the old one entirely (XEP-0054 §3.2)
        VCard replacement = new VCard();
        replacement.setNickName("Al");
        av.saveVCard(replacement);
        VCard after = bv.loadVCard(alice.jid());
        assertEquals("Al", after.getNickName());
        assertNull(after.getFirstName(), "fields absent from the new vCard are gone");
        assertNull(after.getAvatar());
    }

    private static void assertCard(VCard v) {
        assertEquals("Alice", v.getFirstName());
        assertEquals("Liddell \u00e9\u00e8", v.getLastName());
        assertEquals("ali<ce> & co", v.getNickName());
        assertEquals("alice@example.org", v.getEmailHome());
        assertEquals("Wonderland", v.getOrganization());
        assertEquals("Explorer", v.getField("TITLE"));
        assertArrayEquals(PNG, v.getAvatar());
        assertEquals("image/png", v.getAvatarMimeType());
    }

    @Test
    void aUserWithoutAVCardGetsAnEmptyOneOrItemNotFound() throws Exception {
        Account alice = accounts.create("vcnone");
        Account bob = accounts.create("vcasker");
        login(alice, "a");
        XMPPTCPConnection b = login(bob, "b");
        try {
            VCard v = VCardManager.getInstanceFor(b).loadVCard(alice.jid());
            assertNull(v.getNickName());
            assertNull(v.getFirstName());
        } catch (XMPPErrorException e) {
            assertEquals(StanzaError.Condition.item_not_found, e.getStanzaError().getCondition(),
                    "XEP-0054 §3.1: an empty vCard or item-not-found");
        }
    }
}
