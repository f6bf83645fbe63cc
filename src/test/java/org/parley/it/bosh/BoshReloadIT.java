package org.parley.it.bosh;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page reload without a browser: the held request is aborted, a message is written into its response while
 * no page is there, and the reloaded page must get that message exactly once, whether it resends the rid whose
 * response it never saw (XEP-0124 §14.3) or continues with the next rid and acknowledges what it got (§9.2).
 */
class BoshReloadIT {

    private static String resource(String prefix) {
        return prefix + "-" + Long.toHexString(System.nanoTime());
    }

    /** The page's held request is aborted; another resource writes to the page; returns the aborted rid. */
    private static long abortAndWriteTo(RawBosh page, String jid, String id) throws Exception {
        CompletableFuture<RawBosh.Reply> held = page.nextAsync("", null);
        Thread.sleep(300);
        held.cancel(true); // the browser drops it while leaving the page
        RawBosh other = new RawBosh();
        other.login(RawBosh.ADMIN_JID, RawBosh.ADMIN_PASSWORD, resource("writer"));
        other.next("type='terminate'", RawBosh.message(jid, id)); // sent, then the writer leaves
        Thread.sleep(500); // the server has answered the aborted request with the message by now
        return page.rid;
    }

    /** The page after the reload: same session, the rid it is told to use next. */
    private static RawBosh reloaded(RawBosh page, long nextRid) {
        RawBosh b = new RawBosh();
        b.sid = page.sid;
        b.rid = nextRid - 1;
        return b;
    }

    /** After the lost message was recovered: a new message comes once, and the old one not again. */
    private static void carriesOnWithoutDuplicates(RawBosh b, String jid) {
        RawBosh.Reply r = b.send(RawBosh.message(jid, "after-reload"));
        List<String> ids = RawBosh.messageIds(r);
        if (ids.isEmpty()) {
            ids = RawBosh.messageIds(b.send(""));
        }
        assertEquals(List.of("after-reload"), ids, "only the new message, the recovered one not again");
        assertEquals("terminate", b.next("type='terminate'", null).body().attributeValue("type"));
    }

    @Test
    void resendingTheAbortedRidBringsBackItsResponse() throws Exception {
        RawBosh page = new RawBosh();
        String jid = page.login(RawBosh.ADMIN_JID, RawBosh.ADMIN_PASSWORD, resource("resend"));
        long aborted = abortAndWriteTo(page, jid, "during-reload");

        RawBosh b = reloaded(page, aborted); // /chat rewinds the stored rid to the request without response
        RawBosh.Reply again = b.send("");
        assertEquals(aborted, b.rid);
        assertEquals(200, again.status(), again.text());
        assertEquals(List.of("during-reload"), RawBosh.messageIds(again), again.text());
        carriesOnWithoutDuplicates(b, jid);
    }

    @Test
    void anAckBelowTheLastResponseIsReportedAndTheResendDelivers() throws Exception {
        RawBosh page = new RawBosh();
        String jid = page.login(RawBosh.ADMIN_JID, RawBosh.ADMIN_PASSWORD, resource("ack"),
                "wait='60' hold='1' ver='1.6' ack='1'");
        long aborted = abortAndWriteTo(page, jid, "during-reload");

        Thread.sleep(1000); // a reload takes a while: the lost response is older than a response on its way
        RawBosh b = reloaded(page, aborted + 1); // continues with the next rid, acknowledging what it got
        long started = System.nanoTime();
        RawBosh.Reply report = b.next("ack='" + (aborted - 1) + "'", null);
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "answered at once, not after 'wait'");
        Element body = report.body();
        assertEquals(String.valueOf(aborted), body.attributeValue("report"), report.text());
        assertNotNull(body.attributeValue("time"), report.text());
        assertTrue(Long.parseLong(body.attributeValue("time")) >= 0);
        assertTrue(RawBosh.messageIds(report).isEmpty(), "the lost message is not sent twice: " + report.text());

        RawBosh.Reply resent = b.post(b.at(aborted, "", null)); // §9.2: the client resends the missed rid
        assertEquals(List.of("during-reload"), RawBosh.messageIds(resent), resent.text());
        carriesOnWithoutDuplicates(b, jid);
    }

    @Test
    void withoutAckARequestAfterTheLastResponseIsHeldAsUsual() throws Exception {
        RawBosh b = new RawBosh();
        b.login(RawBosh.ADMIN_JID, RawBosh.ADMIN_PASSWORD, resource("noack"));
        CompletableFuture<RawBosh.Reply> held = b.nextAsync("ack='1'", null); // no ack='1' at creation: ignored
        Thread.sleep(500);
        assertTrue(!held.isDone(), "held: the session did not negotiate acknowledgements");
        RawBosh.Reply r = b.next("type='terminate'", null);
        assertEquals("terminate", r.body().attributeValue("type"));
        RawBosh.await(held);
    }
}
