package org.parley.it.console;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.Test;
import org.parley.it.support.Clients;
import org.parley.it.support.ItConfig;
import org.parley.it.support.TestAccounts;
import org.parley.it.support.TestAccounts.Account;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The user page shows a vCard the account stored over XMPP as a list of its fields, escaped, raw XML folded. */
class ConsoleUserVCardIT {

    @Test
    void theVCardsCommonFieldsAreListedAsText() throws Exception {
        try (TestAccounts accounts = TestAccounts.open()) {
            Account juliet = accounts.create("vcard");
            XMPPTCPConnection c = Clients.login(juliet, "vcard");
            try {
                VCard card = new VCard();
                card.setField("FN", "Juliet <script>alert('fn')</script>");
                card.setNickName("Jul & co");
                card.setEmailWork("juliet@capulet.example");
                card.setOrganization("House Capulet");
                VCardManager.getInstanceFor(c).saveVCard(card);
            } finally {
                Clients.close(c);
            }

            ConsoleHttp admin = new ConsoleHttp();
            assertEquals(302, admin.login(ItConfig.adminJid(), ItConfig.adminPassword()).statusCode());
            HttpResponse<String> page = admin.get("/admin/user.xhtml?jid="
                    + URLEncoder.encode(juliet.jid().toString(), StandardCharsets.UTF_8));
            assertEquals(200, page.statusCode());
            String html = page.body().replaceAll(">\\s+<", "><");
            assertTrue(html.contains("<dl class=\"vcard\" id=\"vcard-fields\">"), html);
            assertTrue(html.contains("<dt>Full name</dt><dd>Juliet &lt;script&gt;alert('fn')&lt;/script&gt;</dd>")
                    || html.contains("<dt>Full name</dt><dd>Juliet &lt;script&gt;alert(&#39;fn&#39;)&lt;/script&gt;</dd>"),
                    html);
            assertTrue(html.contains("<dt>Nickname</dt><dd>Jul &amp; co</dd>"), html);
            assertTrue(html.contains("<dt>Email (work)</dt><dd>juliet@capulet.example</dd>"), html);
            assertTrue(html.contains("<dt>Organisation</dt><dd>House Capulet</dd>"), html);
            assertFalse(html.contains("<script>alert"), "no markup from the vCard reaches the page");
            assertTrue(html.contains("<details id=\"vcard-raw\"><summary>Raw XML</summary><pre class=\"xml\" id=\"vcard\">"
                    + "&lt;vCard"), "the raw XML, escaped, in a closed details element: " + html);
        }
    }
}
