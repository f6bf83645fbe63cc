package org.parley.xmpp.core;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

/**
 * The shape RFC 6120 §8.2.3 requires of an IQ, checked where a client's IQ enters the server, before anything
 * handles or forwards it: an 'id', a 'type' of get, set, result or error, exactly one payload child in a get or
 * set, at most one in a result, and an {@code <error/>} in an error.
 */
final class IqShape {
    /** What to do with an IQ. */
    enum Verdict {
        /** Well formed: handle it. */
        OK,
        /** A malformed request (or one whose type is unknown): answer it with bad-request, handle nothing. */
        BAD_REQUEST,
        /**
         * A malformed response (type result or error): drop it. RFC 6120 §8.2.3 forbids answering a response with
         * another response, and an error about an error could loop between two entities.
         */
        DROP
    }

    private IqShape() {
    }

    static Verdict check(Element iq) {
        String type = iq.attributeValue("type");
        String id = iq.attributeValue("id");
        boolean hasId = id != null && !id.isEmpty();
        if ("result".equals(type)) {
            return hasId && iq.elements().size() <= 1 ? Verdict.OK : Verdict.DROP;
        }
        if ("error".equals(type)) {
            return hasId && iq.element("error") != null ? Verdict.OK : Verdict.DROP;
        }
        // no type, an unknown one (§8.1.3 wants bad-request), a get or a set
        if (!"get".equals(type) && !"set".equals(type)) {
            return Verdict.BAD_REQUEST;
        }
        return hasId && iq.elements().size() == 1 ? Verdict.OK : Verdict.BAD_REQUEST;
    }

    /**
     * The bad-request error for {@code iq}, without its payload. An IQ without 'id' gets an error without 'id':
     * RFC 6120 §8.1.3 requires the response to copy the id only "if the generated stanza included one", so such
     * an error is allowed, and it tells the client what is wrong where a stream error (invalid-xml, meant for
     * schema validation failures, §4.9.3.11) would end every other exchange of the stream too.
     */
    static IQ badRequest(Element iq) {
        Element reply = DocumentHelper.createElement(QName.get("iq", Stanzas.CLIENT_NS));
        reply.addAttribute("type", "error");
        String id = iq.attributeValue("id");
        if (id != null && !id.isEmpty()) {
            reply.addAttribute("id", id);
        }
        String to = iq.attributeValue("to");
        if (to != null) {
            reply.addAttribute("from", to);
        }
        IQ error = new IQ(reply, true);
        error.setError(new PacketError(PacketError.Condition.bad_request, PacketError.Type.modify));
        return error;
    }
}
