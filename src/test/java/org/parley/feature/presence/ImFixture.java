package org.parley.feature.presence;

import org.dom4j.Element;
import org.parley.feature.roster.MemoryRosterStorage;
import org.parley.feature.roster.RosterEntry;
import org.parley.feature.roster.RosterModule;
import org.parley.feature.roster.Rosters;
import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.spi.Module;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

import java.util.ArrayList;
import java.util.List;

/** A server with the roster and presence modules over in-memory storage, and client-side shortcuts. */
public class ImFixture {
    public final FakeServer server;
    public final MemoryRosterStorage storage;
    public final Rosters rosters;
    public final RosterModule rosterModule;

    public ImFixture(Module... more) {
        this(new MemoryRosterStorage(), more);
    }

    /** Same storage, new modules and caches: what a restart keeps. */
    public ImFixture(MemoryRosterStorage storage, Module... more) {
        this.server = new FakeServer("example.org");
        this.storage = storage;
        this.rosters = new Rosters(storage);
        this.rosterModule = new RosterModule(rosters);
        List<Module> modules = new ArrayList<>(List.of(rosterModule, new PresenceModule(rosters)));
        modules.addAll(List.of(more));
        server.start(modules.toArray(Module[]::new));
        server.account("alice@example.org");
        server.account("bob@example.org");
        server.account("carol@example.org");
    }

    public void autoApprove(boolean on) {
        HostSettings s = server.settings("example.org");
        server.hosts.put("example.org", s.with(SubscriptionSettings.AUTO_APPROVE, on));
    }

    /** Binds, fetches the roster (interested) and sends initial presence, like a usual client login. */
    public ImSession login(String fullJid) {
        ImSession s = server.bind(fullJid);
        rosterGet(s, null);
        available(s, 0, null);
        return s;
    }

    public IQ rosterGet(ImSession s, String ver) {
        IQ get = new IQ(IQ.Type.get);
        Element q = get.setChildElement("query", "jabber:iq:roster");
        if (ver != null) {
            q.addAttribute("ver", ver);
        }
        server.send(s, get);
        return s.results().get(s.results().size() - 1);
    }

    public IQ rosterSet(ImSession s, String itemXml) throws Exception {
        IQ set = new IQ(IQ.Type.set);
        Element q = set.setChildElement("query", "jabber:iq:roster");
        Element parsed = org.dom4j.DocumentHelper.parseText(
                "<query xmlns='jabber:iq:roster'>" + itemXml + "</query>").getRootElement();
        for (Element item : parsed.elements()) {
            q.add(item.createCopy());
        }
        server.send(s, set);
        return s.results().get(s.results().size() - 1);
    }

    public Presence available(ImSession s, int priority, String status) {
        Presence p = new Presence();
        if (priority != 0) {
            p.setPriority(priority);
        }
        if (status != null) {
            p.setStatus(status);
        }
        server.send(s, p);
        return p;
    }

    public void subscription(ImSession s, Presence.Type type, String to, String status) {
        Presence p = new Presence(type);
        p.setTo(to);
        if (status != null) {
            p.setStatus(status);
        }
        server.send(s, p);
    }

    /** Alice and Bob subscribed both ways, through the protocol. */
    public void befriend(ImSession alice, ImSession bob) {
        subscription(alice, Presence.Type.subscribe, bob.jid().toBareJID(), null);
        subscription(bob, Presence.Type.subscribed, alice.jid().toBareJID(), null);
        subscription(bob, Presence.Type.subscribe, alice.jid().toBareJID(), null);
        subscription(alice, Presence.Type.subscribed, bob.jid().toBareJID(), null);
    }

    public RosterEntry item(String owner, String contact) {
        return rosters.get(new JID(owner)).get(new JID(contact));
    }

    public static Element lastPush(ImSession s) {
        List<Element> pushes = s.pushes();
        return pushes.isEmpty() ? null : pushes.get(pushes.size() - 1);
    }
}
