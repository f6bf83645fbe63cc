package org.parley.feature.roster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Roster storage in memory, counting loads (the cache must spare them). */
public class MemoryRosterStorage implements RosterStorage {
    private final Map<String, Map<String, RosterEntry>> items = new ConcurrentHashMap<>();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    public final AtomicInteger loads = new AtomicInteger();

    @Override
    public Loaded load(String owner) {
        loads.incrementAndGet();
        return new Loaded(versions.getOrDefault(owner, 0L),
                new ArrayList<>(items.getOrDefault(owner, Map.of()).values()));
    }

    @Override
    public List<String> owners(int limit) {
        Set<String> owners = new LinkedHashSet<>(versions.keySet());
        owners.addAll(items.keySet());
        return owners.stream().limit(limit).toList();
    }

    @Override
    public long save(String owner, RosterEntry entry) {
        items.computeIfAbsent(owner, k -> new LinkedHashMap<>()).put(entry.jid().toBareJID(), entry);
        return versions.merge(owner, 1L, Long::sum);
    }

    @Override
    public long delete(String owner, String contact) {
        Map<String, RosterEntry> m = items.get(owner);
        if (m != null) {
            m.remove(contact);
        }
        return versions.merge(owner, 1L, Long::sum);
    }

    @Override
    public void deleteAll(String owner) {
        items.remove(owner);
        versions.remove(owner);
    }

    /** The stored item, as a restart would load it. */
    public RosterEntry stored(String owner, String contact) {
        return items.getOrDefault(owner, Map.of()).get(contact);
    }
}
