package org.parley.feature.blocking;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.feature.presence.ImFixture;
import org.parley.feature.presence.ImSession;
import org.xmpp.packet.IQ;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The module reads only the blocklists of accounts that block somebody (stored at start or since). */
class BlockingModuleTest {
    /** Blocklists in memory, recording every read. */
    static final class MemoryBlocklists extends BlocklistStore {
        final Map<String, List<String>> rows = new ConcurrentHashMap<>();
        final List<String> loaded = new ArrayList<>();

        @Override
        public List<String> load(String account) {
            loaded.add(account);
            return List.copyOf(rows.getOrDefault(account, List.of()));
        }

        @Override
        public List<String> accounts(int limit) {
            return rows.keySet().stream().limit(limit).toList();
        }

        @Override
        public void block(String account, Collection<String> jids) {
            rows.computeIfAbsent(account, k -> new ArrayList<>()).addAll(jids);
        }

        @Override
        public void unblock(String account, Collection<String> jids) {
            rows.getOrDefault(account, new ArrayList<>()).removeAll(jids);
        }

        @Override
        public void unblockAll(String account) {
            rows.remove(account);
        }
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty("parley.blocking.cache.offline.max");
    }

    @Test
    void loginsOfAccountsThatBlockNobodyReadNothing() {
        // lists of offline accounts are not kept: every login after the last session ended reads again
        System.setProperty("parley.blocking.cache.offline.max", "0");
        MemoryBlocklists store = new MemoryBlocklists();
        store.rows.put("alice@example.org", new ArrayList<>(List.of("mallory@evil.example")));
        BlockingModule module = new BlockingModule();
        module.store = store;
        ImFixture im = new ImFixture(module);

        im.login("bob@example.org/desk");
        assertEquals(List.of(), store.loaded, "bob blocks nobody: no read");
        im.login("alice@example.org/phone");
        assertEquals(List.of("alice@example.org"), store.loaded);

        ImSession carol = im.login("carol@example.org/desk");
        IQ block = new IQ(IQ.Type.set);
        block.setChildElement("block", BlockingXml.NS).addElement("item").addAttribute("jid", "mallory@evil.example");
        im.server.send(carol, block);
        assertEquals(IQ.Type.result, carol.results().get(carol.results().size() - 1).getType());
        im.server.close(carol);
        store.loaded.clear();
        im.login("carol@example.org/laptop");
        assertEquals(List.of("carol@example.org"), store.loaded, "carol blocked somebody after the start: read");
    }
}
