package org.parley.it.support;

import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Collects the stanzas a connection receives (registered before they can arrive), in arrival order. */
public final class Inbox<S extends Stanza> implements AutoCloseable {
    private final XMPPConnection connection;
    private final LinkedBlockingQueue<S> queue = new LinkedBlockingQueue<>();
    private final StanzaListener listener;

    @SuppressWarnings("unchecked")
    private Inbox(XMPPConnection connection, StanzaFilter filter) {
        this.connection = connection;
        this.listener = s -> queue.add((S) s);
        // synchronous listener: preserves the order in which the server sent the stanzas
        connection.addSyncStanzaListener(listener, filter);
    }

    public static Inbox<Message> messages(XMPPConnection c) {
        return new Inbox<>(c, StanzaTypeFilter.MESSAGE);
    }

    public static <S extends Stanza> Inbox<S> of(XMPPConnection c, StanzaFilter filter) {
        return new Inbox<>(c, filter);
    }

    /** The next stanza, failing the test if none arrives in time. */
    public S next(String what) throws InterruptedException {
        S s = queue.poll(ItConfig.timeoutMillis(), TimeUnit.MILLISECONDS);
        if (s == null) {
            throw new AssertionError("nothing received within " + ItConfig.timeoutMillis() + " ms: expected " + what);
        }
        return s;
    }

    /** The next stanza within {@code wait}, or null (for asserting that nothing arrives). */
    public S poll(Duration wait) throws InterruptedException {
        return queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    public List<S> drain() {
        List<S> l = new ArrayList<>();
        queue.drainTo(l);
        return l;
    }

    @Override
    public void close() {
        connection.removeSyncStanzaListener(listener);
    }
}
