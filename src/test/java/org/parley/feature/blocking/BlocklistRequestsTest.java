package org.parley.feature.blocking;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.parley.feature.sessionfakes.FakeSession;
import org.parley.feature.sessionfakes.FakeSessions;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlocklistRequestsTest {
    private final Map<String, Set<String>> db = new HashMap<>();
    private final FakeSessions sessions = new FakeSessions();
    private final List<String> effects = new ArrayList<>();
    private final BlocklistCache cache = new BlocklistCache(
            k -> new ArrayList<>(db.getOrDefault(k, Set.of())), jid -> true, 100);
    private final BlocklistRequests requests = new BlocklistRequests(cache, new BlocklistRequests.Writer() {
        @Override
        public void block(String account, Collection<String> jids) {
            db.computeIfAbsent(account, k -> new LinkedHashSet<>()).addAll(jids);
        }

        @Override
        public void unblock(String account, Collection<String> jids) {
            db.getOrDefault(account, new LinkedHashSet<>()).removeAll(jids);
        }

        @Override
        public void unblockAll(String account) {
            db.remove(account);
        }
    }, sessions, (jid, iq) -> sessions.get(jid).send(iq), new BlocklistRequests.Effects() {
        @Override
        public void blocked(JID account, List<JID> jids) {
            effects.add("blocked " + jids);
        }

        @Override
        public void unblocked(JID account, List<JID> jids) {
            effects.add("unblocked " + jids);
        }
    }, 3);

    private final FakeSession balcony = sessions.add("juliet@capulet.com/balcony");
    private final FakeSession chamber = sessions.add("juliet@capulet.com/chamber");

    private static IQ iq(IQ.Type type, String name, String... jids) {
        IQ iq = new IQ(type);
        iq.setFrom("juliet@capulet.com/balcony");
        Element child = iq.setChildElement(name, BlockingXml.NS);
        for (String j : jids) {
            child.addElement("item", BlockingXml.NS).addAttribute("jid", j);
        }
        return iq;
    }

    private IQ send(IQ iq) {
        return requests.handle(iq, balcony);
    }

    private static List<String> items(IQ iq) {
        return iq.getChildElement().elements("item").stream().map(e -> e.attributeValue("jid")).toList();
    }

    @Test
    void emptyBlocklist() {
        IQ result = send(iq(IQ.Type.get, "blocklist"));
        assertEquals(IQ.Type.result, result.getType());
        assertEquals("blocklist", result.getChildElement().getName());
        assertEquals(List.of(), items(result));
    }

    @Test
    void blockStoresPushesToRequestersAndAnnouncesNewItems() {
        send(iq(IQ.Type.get, "blocklist")); // balcony asked for the list, chamber did not
        IQ result = send(iq(IQ.Type.set, "block", "romeo@montague.net", "Romeo@Montague.net"));
        assertEquals(IQ.Type.result, result.getType());
        assertNull(result.getChildElement());
        assertEquals(Set.of("romeo@montague.net"), db.get("juliet@capulet.com"));
        assertEquals(1, balcony.sent.size());
        assertEquals(List.of("romeo@montague.net"), items((IQ) balcony.sent.get(0)));
        assertEquals("block", ((IQ) balcony.sent.get(0)).getChildElement().getName());
        assertTrue(chamber.sent.isEmpty());
        assertEquals(List.of("blocked [romeo@montague.net]"), effects);
        assertEquals(List.of("romeo@montague.net"), items(send(iq(IQ.Type.get, "blocklist"))));

        send(iq(IQ.Type.set, "block", "romeo@montague.net"));
        assertEquals("blocked []", effects.get(1)); // already blocked: nothing new to announce
    }

    @Test
    void unblockSomeAndUnblockAll() {
        send(iq(IQ.Type.set, "block", "a@x.org", "b@x.org", "c@x.org"));
        send(iq(IQ.Type.set, "unblock", "b@x.org", "zzz@x.org"));
        assertEquals(List.of("a@x.org", "c@x.org"), items(send(iq(IQ.Type.get, "blocklist"))));
        assertEquals("unblocked [b@x.org]", effects.get(1));
        IQ all = send(iq(IQ.Type.set, "unblock"));
        assertEquals(IQ.Type.result, all.getType());
        assertEquals(List.of(), items(send(iq(IQ.Type.get, "blocklist"))));
        assertNull(db.get("juliet@capulet.com"));
        assertEquals("unblocked [a@x.org, c@x.org]", effects.get(2));
        IQ push = (IQ) balcony.sent.get(balcony.sent.size() - 1);
        assertEquals("unblock", push.getChildElement().getName());
        assertEquals(List.of(), items(push));
    }

    @Test
    void blockWithoutItemsIsBadRequest() {
        assertEquals(PacketError.Condition.bad_request, send(iq(IQ.Type.set, "block")).getError().getCondition());
    }

    @Test
    void malformedJidIsJidMalformedAndStoresNothing() {
        IQ error = send(iq(IQ.Type.set, "block", "ok@x.org", "bad@@x.org"));
        assertEquals(PacketError.Condition.jid_malformed, error.getError().getCondition());
        assertTrue(db.isEmpty());
        IQ noJid = iq(IQ.Type.set, "block");
        noJid.getChildElement().addElement("item", BlockingXml.NS);
        assertEquals(PacketError.Condition.jid_malformed, send(noJid).getError().getCondition());
    }

    @Test
    void listSizeIsLimited() {
        send(iq(IQ.Type.set, "block", "a@x.org", "b@x.org", "c@x.org"));
        IQ error = send(iq(IQ.Type.set, "block", "d@x.org"));
        assertEquals(PacketError.Condition.not_acceptable, error.getError().getCondition());
        assertEquals(3, db.get("juliet@capulet.com").size());
    }

    @Test
    void otherUsersListIsForbidden() {
        IQ get = iq(IQ.Type.get, "blocklist");
        get.setTo("nurse@capulet.com");
        assertEquals(PacketError.Condition.forbidden, send(get).getError().getCondition());
        IQ own = iq(IQ.Type.get, "blocklist");
        own.setTo("juliet@capulet.com");
        assertEquals(IQ.Type.result, send(own).getType());
    }

    @Test
    void wrongElementOrTypeIsBadRequest() {
        assertEquals(PacketError.Condition.bad_request, send(iq(IQ.Type.get, "block", "a@x.org")).getError().getCondition());
        assertEquals(PacketError.Condition.bad_request, send(iq(IQ.Type.set, "blocklist")).getError().getCondition());
    }
}
