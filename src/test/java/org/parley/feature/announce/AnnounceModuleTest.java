package org.parley.feature.announce;

import org.junit.jupiter.api.Test;
import org.parley.feature.admin.TestSession;
import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.spi.Hosts;
import org.parley.xmpp.spi.ModuleContext;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

import java.lang.reflect.Proxy;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnounceModuleTest {
    String motd = "Welcome to example.org";

    final Hosts hosts = new Hosts() {
        @Override
        public boolean isLocal(String domain) {
            return true;
        }

        @Override
        public Set<String> domains() {
            return Set.of("example.org");
        }

        @Override
        public HostSettings settings(String domain) {
            return HostSettings.defaults(domain).with(AnnounceSettings.MOTD, motd);
        }
    };

    /** Only hosts() is used by the MOTD path. */
    final ModuleContext ctx = (ModuleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ModuleContext.class}, (proxy, method, args) -> {
                if (method.getName().equals("hosts")) {
                    return hosts;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void sendsTheMotdOncePerSessionAsAHeadlineFromTheDomain() {
        TestSession s = new TestSession("juliet@example.org/balcony");
        AnnounceModule.sendMotd(ctx, s);
        AnnounceModule.sendMotd(ctx, s);
        assertEquals(1, s.received.size());
        Message m = (Message) s.received.get(0);
        assertEquals(Message.Type.headline, m.getType());
        assertEquals(new JID("example.org"), m.getFrom());
        assertEquals(s.jid, m.getTo());
        assertEquals("Welcome to example.org", m.getBody());
        assertEquals(Headlines.MOTD_SUBJECT, m.getSubject());
    }

    @Test
    void noMotdNoMessage() {
        motd = null;
        TestSession s = new TestSession("juliet@example.org/balcony");
        AnnounceModule.sendMotd(ctx, s);
        assertTrue(s.received.isEmpty());
    }

    @Test
    void headlinesWithoutSubjectHaveNoSubjectElement() {
        Message m = Headlines.headline("example.org", new JID("a@example.org/r"), " ", "Body");
        assertEquals(null, m.getSubject());
        assertEquals("Body", m.getBody());
    }
}
