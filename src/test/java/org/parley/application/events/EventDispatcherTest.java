package org.parley.application.events;

import org.junit.jupiter.api.Test;
import org.parley.api.MessageRouted;
import org.parley.api.ParleyEventListener;
import org.parley.api.UserOffline;
import org.parley.api.UserOnline;
import org.parley.feature.sessionfakes.FakeSession;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventDispatcherTest {
    private final List<Runnable> queued = new ArrayList<>();
    private final Executor later = queued::add;
    private final List<Object> fired = new ArrayList<>();

    private static Message message() {
        Message m = new Message();
        m.setID("m1");
        m.setFrom(new JID("alice@example.org/phone"));
        m.setTo(new JID("bob@example.org"));
        m.setType(Message.Type.chat);
        m.setBody("hi");
        return m;
    }

    private void runQueued() {
        new ArrayList<>(queued).forEach(Runnable::run);
        queued.clear();
    }

    @Test
    void nothingIsBuiltOrQueuedWhenNobodyListens() {
        EventDispatcher d = new EventDispatcher(later, fired::add, Set.of());
        d.userOnline(new FakeSession("alice@example.org/phone"));
        d.messageRouted(message());
        d.userOffline(new FakeSession("alice@example.org/phone"));
        assertTrue(queued.isEmpty());
    }

    @Test
    void listenersGetTheEventsInOrderOffTheCallersThread() {
        EventDispatcher d = new EventDispatcher(later, fired::add, Set.of());
        List<Object> got = new ArrayList<>();
        ParleyEventListener l = new ParleyEventListener() {
            @Override
            public void userOnline(UserOnline e) {
                got.add(e);
            }

            @Override
            public void userOffline(UserOffline e) {
                got.add(e);
            }

            @Override
            public void messageRouted(MessageRouted e) {
                got.add(e);
            }
        };
        d.subscribe(l);
        d.subscribe(l); // once only
        d.userOnline(new FakeSession("alice@example.org/phone"));
        d.messageRouted(message());
        d.messageRouted(new Presence()); // not a message: ignored
        d.userOffline(new FakeSession("alice@example.org/phone"));
        assertTrue(got.isEmpty(), "nothing runs on the caller's thread");
        runQueued();
        assertEquals(3, got.size());
        UserOnline on = (UserOnline) got.get(0);
        assertEquals("alice@example.org/phone", on.jid());
        assertEquals("alice@example.org", on.account());
        MessageRouted m = (MessageRouted) got.get(1);
        assertEquals("alice@example.org/phone", m.from());
        assertEquals("bob@example.org", m.to());
        assertEquals("chat", m.type());
        assertEquals("m1", m.id());
        assertEquals("alice@example.org/phone", ((UserOffline) got.get(2)).jid());
        assertTrue(fired.isEmpty(), "no CDI observer in this deployment");

        d.unsubscribe(l);
        d.userOnline(new FakeSession("alice@example.org/tablet"));
        assertTrue(queued.isEmpty());
    }

    @Test
    void onlyObservedTypesAreFiredAsCdiEventsAndAFailingListenerHarmsNoOther() {
        EventDispatcher d = new EventDispatcher(later, fired::add, Set.of(MessageRouted.class));
        d.userOnline(new FakeSession("alice@example.org/phone"));
        assertTrue(queued.isEmpty(), "UserOnline is not observed");
        List<MessageRouted> got = new ArrayList<>();
        d.subscribe(new ParleyEventListener() {
            @Override
            public void messageRouted(MessageRouted e) {
                throw new IllegalStateException("broken listener");
            }
        });
        d.subscribe(new ParleyEventListener() {
            @Override
            public void messageRouted(MessageRouted e) {
                got.add(e);
            }
        });
        d.messageRouted(message());
        runQueued();
        assertEquals(1, fired.size());
        assertEquals(1, got.size());
    }
}
