package org.parley.application.events;

import org.parley.xmpp.core.testing.ManualScheduler;
import org.junit.jupiter.api.Test;
import org.parley.api.MessageRouted;
import org.parley.api.ParleyEventListener;
import org.parley.api.UserOffline;
import org.parley.api.UserOnline;
import org.parley.feature.presence.PresenceModule;
import org.parley.feature.presence.TestClient;
import org.parley.feature.roster.MemoryRosterStorage;
import org.parley.feature.roster.RosterModule;
import org.parley.feature.roster.Rosters;
import org.parley.xmpp.core.XmppServer;
import org.parley.xmpp.core.testing.ExampleOrg;
import org.parley.xmpp.sasl.AuthThrottle;
import org.parley.xmpp.spi.HookPoint;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.spi.ModuleContext;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The events as the real core produces them: bind, a delivered message, the end of a session. */
class EventsOnTheRouterTest {
    private final List<String> got = new CopyOnWriteArrayList<>();
    private final EventDispatcher events = new EventDispatcher(Runnable::run, e -> { }, Set.of());

    private XmppServer server(Module... extra) {
        XmppServer s = new XmppServer(ExampleOrg.hosts(), ExampleOrg.accounts(), new ExampleOrg.InlineExecutor(),
                new AuthThrottle(100, 100, Duration.ofMinutes(1)), true,
                XmppServer.DEFAULT_REPLY_TIMEOUT, new ManualScheduler());
        Rosters rosters = new Rosters(new MemoryRosterStorage());
        List<Module> modules = new java.util.ArrayList<>(List.of(new RosterModule(rosters),
                new PresenceModule(rosters), module("events", ctx -> EventsModule.wire(ctx, events))));
        modules.addAll(List.of(extra));
        s.start(modules);
        return s;
    }

    private static Module module(String name, java.util.function.Consumer<ModuleContext> start) {
        return new Module() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start(ModuleContext context) {
                start.accept(context);
            }
        };
    }

    private void listen() {
        events.subscribe(new ParleyEventListener() {
            @Override
            public void userOnline(UserOnline e) {
                got.add("online " + e.jid() + " " + e.transport());
            }

            @Override
            public void userOffline(UserOffline e) {
                got.add("offline " + e.jid());
            }

            @Override
            public void messageRouted(MessageRouted e) {
                got.add("message " + e.from() + " " + e.to() + " " + e.type() + " " + e.id());
            }
        });
    }

    private static TestClient online(XmppServer s, String user, String resource) {
        TestClient c = new TestClient(s, user, resource);
        c.send("<presence xmlns='jabber:client'/>");
        return c;
    }

    @Test
    void loginMessageAndLogoutAreEventsInOrder() {
        XmppServer s = server();
        listen();
        TestClient alice = online(s, "alice", "phone");
        TestClient bob = online(s, "bob", "desk");
        alice.send("<message xmlns='jabber:client' to='bob@example.org' type='chat' id='m1'><body>hi</body></message>");
        alice.send("<message xmlns='jabber:client' to='bob@example.org/desk' id='m2'><body>hi</body></message>");
        assertEquals(1, bob.received("message", "chat").size(), "delivered as before");
        alice.disconnect();
        assertEquals(List.of("online alice@example.org/phone test", "online bob@example.org/desk test",
                "message alice@example.org/phone bob@example.org chat m1",
                "message alice@example.org/phone bob@example.org/desk normal m2",
                "offline alice@example.org/phone"), got);
    }

    @Test
    void messagesThatAreNotDeliveredAreNoEventButTheirBounceIs() {
        XmppServer s = server();
        listen();
        TestClient alice = online(s, "alice", "phone");
        got.clear();
        alice.send("<message xmlns='jabber:client' to='bob@example.org' type='headline'><body>x</body></message>");
        alice.send("<message xmlns='jabber:client' to='nobody@example.org' type='chat'><body>x</body></message>");
        alice.send("<presence xmlns='jabber:client'><show>away</show></presence>");
        // the headline to an offline user is dropped; the chat to nobody comes back as an error, delivered
        assertEquals(List.of("message nobody@example.org alice@example.org/phone error null"), got);
    }

    @Test
    void aFailingObserverNeitherBouncesNorStopsTheMessage() {
        Module broken = module("broken", ctx -> ctx.hook(HookPoint.MESSAGE_DELIVERED, 10, (p, o) -> {
            throw new IllegalStateException("observer bug");
        }));
        XmppServer s = server(broken);
        listen();
        TestClient alice = online(s, "alice", "phone");
        TestClient bob = online(s, "bob", "desk");
        alice.clear();
        alice.send("<message xmlns='jabber:client' to='bob@example.org' type='chat' id='m3'><body>hi</body></message>");
        assertEquals(1, bob.received("message", "chat").size());
        assertFalse(alice.received().stream().anyMatch(e -> "error".equals(e.attributeValue("type"))),
                "no bounce to the sender");
        assertTrue(got.contains("message alice@example.org/phone bob@example.org chat m3"), got.toString());
    }
}
