package org.parley.infrastructure.transport.bosh;

import java.util.ArrayList;
import java.util.List;

/**
 * What the stream sent and no response has carried yet, bounded: a client that stops collecting its data
 * must not make the server buffer without limit. Guarded by the session.
 */
final class Outbound {
    private final int maxChars;
    private List<String> items = new ArrayList<>();
    private long chars;
    private boolean full;

    Outbound(int maxChars) {
        this.maxChars = maxChars;
    }

    /**
     * Queues {@code xml}. Returns false the one time the limit is passed: the caller ends the stream; from
     * then on output is dropped.
     */
    boolean add(String xml) {
        if (full) {
            return true;
        }
        if (chars + xml.length() > maxChars) {
            full = true;
            return false;
        }
        items.add(xml);
        chars += xml.length();
        return true;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** Everything queued, oldest first; the queue is empty afterwards. */
    List<String> take() {
        if (items.isEmpty()) {
            return List.of();
        }
        List<String> taken = items;
        items = new ArrayList<>();
        chars = 0;
        return taken;
    }
}
