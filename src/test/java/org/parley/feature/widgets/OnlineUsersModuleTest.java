package org.parley.feature.widgets;

import org.junit.jupiter.api.Test;
import org.parley.feature.sessionfakes.FakeSession;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.SessionListener;
import org.xmpp.packet.Presence;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnlineUsersModuleTest {
    final AtomicReference<SessionListener> listener = new AtomicReference<>();
    final OnlineUsersModule module = new OnlineUsersModule();

    OnlineUsersModuleTest() {
        module.start((ModuleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ModuleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sessionListener")) {
                        listener.set((SessionListener) args[0]);
                        return null;
                    }
                    if (method.getName().equals("hosts")) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                }));
    }

    @Test
    void listsAvailableAccountsOfTheDomainOnceEachWithTheirBestPresence() {
        FakeSession phone = new FakeSession("juliet@example.org/phone").available();
        FakeSession desk = new FakeSession("juliet@example.org/desk");
        Presence away = new Presence();
        away.setShow(Presence.Show.away);
        away.setStatus("at lunch");
        away.setPriority(5);
        desk.presence(away);
        FakeSession romeo = new FakeSession("romeo@example.org/r").available();
        FakeSession other = new FakeSession("nurse@other.example/x").available();
        for (FakeSession s : List.of(phone, desk, romeo, other)) {
            listener.get().available(s);
        }
        assertEquals(List.of(new OnlineUsersModule.OnlineUser("juliet@example.org", "juliet", "away", "at lunch"),
                        new OnlineUsersModule.OnlineUser("romeo@example.org", "romeo", "online", null)),
                module.online("example.org"));
    }

    @Test
    void closedAndUnavailableSessionsDisappear() {
        FakeSession romeo = new FakeSession("romeo@example.org/r").available();
        FakeSession juliet = new FakeSession("juliet@example.org/j").available();
        listener.get().available(romeo);
        listener.get().available(juliet);
        listener.get().closed(romeo);
        juliet.presence(new Presence(Presence.Type.unavailable));
        assertTrue(module.online("example.org").isEmpty());
        assertTrue(module.online("nowhere.example").isEmpty());
    }
}
