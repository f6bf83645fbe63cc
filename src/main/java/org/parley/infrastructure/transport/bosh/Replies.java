package org.parley.infrastructure.transport.bosh;

import java.util.ArrayList;
import java.util.List;

/**
 * Responses decided while a session's lock was held, sent after it is released (writing may take a moment
 * and must not hold up the session's other requests or its stream).
 */
final class Replies {
    private record Reply(Exchange exchange, int status, String body) {
    }

    private final List<Reply> replies = new ArrayList<>(2);
    private Runnable then;

    void add(Exchange exchange, int status, String body) {
        replies.add(new Reply(exchange, status, body));
    }

    /** Runs {@code task} after the responses went out (e.g. ending the XMPP stream). */
    void then(Runnable task) {
        then = task;
    }

    void send(String contentType) {
        for (Reply r : replies) {
            r.exchange.respond(r.status, contentType, r.body);
        }
        if (then != null) {
            then.run();
        }
    }
}
