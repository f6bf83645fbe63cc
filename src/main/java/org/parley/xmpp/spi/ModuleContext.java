package org.parley.xmpp.spi;

import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

import java.util.function.Function;

/** What a {@link Module} may register with, and use from, the core. */
public interface ModuleContext {

    /** Handle IQ get/set in {@code namespace} (the child element's namespace) for the given addressing. */
    void iq(IqScope scope, String namespace, IqHandler handler);

    /** Add a hook at a point of a stanza's path; lower priority numbers run first. */
    void hook(HookPoint point, int priority, StanzaHook hook);

    void sessionListener(SessionListener listener);

    /** Offer a stream feature (e.g. XEP-0077 register before auth, roster versioning after). */
    void streamFeature(StreamFeatureProvider provider);

    /** A whole address served by a module (e.g. conference.example.org); all stanzas to it go there. */
    void component(String domain, StanzaHook handler);

    Disco disco();

    /** Send a stanza through the router, as if sent by {@code packet.getFrom()} (server-originated). */
    void route(Packet packet);

    /** Deliver a stanza straight to a local bound session (no hooks). */
    boolean deliver(JID fullJid, Packet packet);

    /** Sends a server-originated IQ (e.g. a ping) and calls back with its result or error. */
    void request(IQ iq, java.util.function.Consumer<IQ> onReply);

    /** Presence modules call this when a session sent its initial presence; fires SessionListener.available. */
    void available(ClientSessionView session);

    boolean accountExists(JID bareJid);

    Sessions sessions();

    Hosts hosts();

    /** Runs a task off the network threads (may block on the database). */
    void execute(Runnable task);

    /** The runtime's clock and timers (short tasks only: hand longer work to {@link #execute}). */
    Scheduler scheduler();

    /** Builds an IQ error reply. */
    static IQ error(IQ request, org.xmpp.packet.PacketError.Condition condition) {
        IQ reply = IQ.createResultIQ(request);
        if (request.getChildElement() != null) {
            reply.setChildElement(request.getChildElement().createCopy());
        }
        reply.setError(condition);
        return reply;
    }

    /** Feature negotiated in a stream's features element. */
    interface StreamFeatureProvider {
        /** @return the feature element, or null if not offered in this state. */
        Element feature(StreamState state, String domain);
    }

    enum StreamState { BEFORE_AUTH, AFTER_AUTH }

    /** Registry the disco module renders; other modules add their features and items here. */
    interface Disco {
        void serverFeature(String var);

        void accountFeature(String var);

        void serverIdentity(String category, String type, String name);

        /** An item of the server's disco#items (e.g. a MUC service). */
        void serverItem(String jid, String name);

        /** A node of the server's disco#items answered by a module (e.g. ad-hoc command lists). */
        void nodeItems(String node, Function<NodeQuery, java.util.List<Element>> items);

        java.util.Set<String> serverFeatures();

        java.util.Set<String> accountFeatures();

        java.util.List<Identity> serverIdentities();

        java.util.List<Item> serverItems();

        /** Items of a node, or null if no module answers it. */
        Function<NodeQuery, java.util.List<Element>> node(String node);

        /**
         * An extended form (XEP-0128) of the server's disco#info, per domain: the function gives the form of a
         * domain, or null when it has none (e.g. XEP-0157 contact addresses).
         */
        void serverForm(Function<String, Element> form);

        /** The forms of a domain's disco#info, in the order they were registered. */
        java.util.List<Element> serverForms(String domain);

        /** Grows with every registration above: what is derived from the registry is stale when it changed. */
        long generation();
    }

    record Identity(String category, String type, String name) {
    }

    record Item(String jid, String name) {
    }

    record NodeQuery(JID requester, JID target, String node) {
    }
}
