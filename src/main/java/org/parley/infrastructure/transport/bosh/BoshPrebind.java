package org.parley.infrastructure.transport.bosh;

import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.xmpp.packet.JID;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * BOSH pre-binding: the server plays the web client's first requests itself (session creation, SASL PLAIN
 * with a one-time web login token, restart, resource binding) through the ordinary {@link BoshManager}, and
 * hands the page the session to continue: full JID, sid and the rid of its next request (converse.js
 * {@code authentication: 'prebind'}, Strophe's attach). No credential ever reaches the browser.
 */
public final class BoshPrebind {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SASL_NS = "urn:ietf:params:xml:ns:xmpp-sasl";
    private static final long STEP_SECONDS = 15;

    /** The session the page attaches to; {@code rid} is the one its next request carries. */
    public record Prebound(String jid, String sid, long rid) {
    }

    /** Pre-binding did not succeed (the account refused the token, the server is shutting down, ...). */
    public static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    private final BoshManager manager;
    private final boolean secure;
    private final String remoteAddress;
    private String sid;
    private long rid = 1 + RANDOM.nextLong(1L << 32); // like Strophe's: well below 2^53

    /** @param secure whether the page reaches the server over HTTPS (the session counts as encrypted) */
    public BoshPrebind(BoshManager manager, boolean secure, String remoteAddress) {
        this.manager = manager;
        this.secure = secure;
        this.remoteAddress = remoteAddress;
    }

    /** Creates, authenticates and binds a session of {@code account} with the one-time {@code token}. */
    public Prebound prebind(JID account, String token) throws Failed {
        String domain = account.getDomain();
        Element created = request(" to='" + domain + "' xml:lang='en' wait='60' hold='1' ver='" + Negotiated.VERSION
                + "' xmpp:version='1.0' xmlns:xmpp='" + BoshRequest.XBOSH_NS + "'", "");
        sid = created.attributeValue("sid");
        if (sid == null) {
            throw new Failed("no session: " + created.attributeValue("condition"));
        }
        try {
            String plain = "\0" + account.getNode() + "\0" + token;
            Element auth = request("", "<auth xmlns='" + SASL_NS + "' mechanism='PLAIN'>"
                    + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)) + "</auth>");
            if (auth.element("success") == null) {
                throw new Failed("authentication failed");
            }
            request(" to='" + domain + "' xml:lang='en' xmpp:restart='true' xmlns:xmpp='" + BoshRequest.XBOSH_NS
                    + "'", "");
            Element bound = request("", "<iq xmlns='jabber:client' type='set' id='prebind'>"
                    + "<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>");
            Element iq = bound.element("iq");
            Element bind = iq == null ? null : iq.element("bind");
            String jid = bind == null ? null : bind.elementText("jid");
            if (jid == null) {
                throw new Failed("resource binding failed");
            }
            return new Prebound(jid, sid, rid + 1);
        } catch (Failed e) {
            terminate();
            throw e;
        }
    }

    private void terminate() {
        try {
            request(" type='terminate'", "");
        } catch (Failed e) {
            // the session is gone either way (inactivity ends it)
        }
    }

    /** Sends the next request of the session and waits for its response. */
    private Element request(String attributes, String payload) throws Failed {
        String start = "<body xmlns='" + BodyParser.HTTPBIND_NS + "' rid='" + (sid == null ? rid : ++rid) + "'"
                + (sid == null ? "" : " sid='" + sid + "'") + attributes;
        byte[] data = (payload.isEmpty() ? start + "/>" : start + ">" + payload + "</body>")
                .getBytes(StandardCharsets.UTF_8);
        CapturedExchange exchange = new CapturedExchange();
        try {
            BoshRequest parsed = BodyParser.parse(data, data.length, manager.settings().maxStanzaBytes());
            manager.handle(parsed, exchange, secure, remoteAddress);
            Element body = DocumentHelper.parseText(exchange.body.get(STEP_SECONDS, TimeUnit.SECONDS)).getRootElement();
            if ("terminate".equals(body.attributeValue("type")) && sid != null) {
                throw new Failed("the session ended: " + body.attributeValue("condition"));
            }
            return body;
        } catch (BodyParser.BadBody | DocumentException | ExecutionException e) {
            throw new IllegalStateException("pre-binding built a request the server refused", e);
        } catch (TimeoutException e) {
            throw new Failed("no response within " + STEP_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted");
        }
    }

    /** The response to a request the server itself sent. */
    private static final class CapturedExchange implements Exchange {
        final CompletableFuture<String> body = new CompletableFuture<>();

        @Override
        public boolean respond(int status, String contentType, String text) {
            return body.complete(text);
        }
    }
}
