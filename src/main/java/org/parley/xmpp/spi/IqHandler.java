package org.parley.xmpp.spi;

import org.xmpp.packet.IQ;

/** Answers IQ get/set of one namespace. Runs off the network threads; may use the database. */
@FunctionalInterface
public interface IqHandler {
    /**
     * @param iq     the request, with 'from' already stamped by the server
     * @param origin the sending session, or null when the IQ came from elsewhere
     * @return the reply to send, or null if the handler replies itself later (or sends no reply)
     */
    IQ handle(IQ iq, Origin origin) throws Exception;
}
