package org.parley.infrastructure.transport.websocket;

import org.parley.xmpp.core.testing.ManualScheduler;
import org.parley.xmpp.core.XmppServer;
import org.parley.xmpp.core.testing.ExampleOrg;
import org.parley.xmpp.sasl.AuthThrottle;
import org.parley.xmpp.spi.HostSettings;

import java.time.Duration;
import java.util.List;

/** A real core (no modules) for example.org with accounts alice and bob (password "secret"), run inline. */
final class TestCore {

    private TestCore() {
    }

    static XmppServer server(boolean plainWithoutTls) {
        return server(plainWithoutTls, HostSettings.defaults(ExampleOrg.DOMAIN));
    }

    static XmppServer server(boolean plainWithoutTls, HostSettings exampleOrg) {
        XmppServer s = new XmppServer(ExampleOrg.hosts(exampleOrg), ExampleOrg.accounts(), new ExampleOrg.InlineExecutor(),
                new AuthThrottle(100, 100, Duration.ofMinutes(1)), plainWithoutTls,
                XmppServer.DEFAULT_REPLY_TIMEOUT, new ManualScheduler());
        s.start(List.of());
        return s;
    }
}
