package org.parley.infrastructure.transport.websocket;

import org.parley.xmpp.core.testing.ManualScheduler;
import org.parley.xmpp.core.XmppServer;
import org.parley.xmpp.core.testing.ExampleOrg;
import org.parley.xmpp.sasl.AuthThrottle;

import java.time.Duration;
import java.util.List;

/** A real core (no modules) for example.org with accounts alice and bob (password "secret"), run inline. */
final class TestCore {

    private TestCore() {
    }

    static XmppServer server(boolean plainWithoutTls) {
        XmppServer s = new XmppServer(ExampleOrg.hosts(), ExampleOrg.accounts(), new ExampleOrg.InlineExecutor(),
                new AuthThrottle(100, 100, Duration.ofMinutes(1)), plainWithoutTls,
                XmppServer.DEFAULT_REPLY_TIMEOUT, new ManualScheduler());
        s.start(List.of());
        return s;
    }
}
