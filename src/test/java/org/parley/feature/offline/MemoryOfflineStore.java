package org.parley.feature.offline;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Offline storage in memory. */
public class MemoryOfflineStore implements OfflineStore {
    record Row(long id, String owner, String xml, LocalDateTime storedAt) {
    }

    public final List<Row> rows = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public long count(String owner) {
        return rows.stream().filter(r -> r.owner.equals(owner)).count();
    }

    @Override
    public List<String> owners(int limit) {
        return rows.stream().map(Row::owner).distinct().limit(limit).toList();
    }

    @Override
    public void add(String owner, String xml, LocalDateTime storedAt) {
        rows.add(new Row(ids.incrementAndGet(), owner, xml, storedAt));
    }

    @Override
    public List<Stored> list(String owner) {
        List<Stored> l = new ArrayList<>();
        for (Row r : rows) {
            if (r.owner.equals(owner)) {
                l.add(new Stored(r.id, r.xml, r.storedAt));
            }
        }
        return l;
    }

    @Override
    public void delete(List<Long> deleted) {
        rows.removeIf(r -> deleted.contains(r.id));
    }

    @Override
    public void deleteAll(String owner) {
        rows.removeIf(r -> r.owner.equals(owner));
    }
}
