package org.parley.infrastructure.transport.bosh;

import org.parley.xmpp.spi.Scheduler;

/**
 * A request without a response yet: parked until its rid's turn comes, then held until there is something to
 * carry back (or 'wait' passes). Its exchange changes when the client resends the same rid. Guarded by the
 * session.
 */
final class Pending {
    final long rid;
    final BoshRequest request;
    Exchange exchange;
    /** A pause request: answered at once and never with payloads (§12). */
    boolean pause;
    /** The end of its 'wait' while held. */
    Scheduler.Cancellable timer;
    /** §9.2: the rid of a response the client's 'ack' says it missed (0: none), and its age in ms. */
    long reportRid;
    long reportMillis;

    Pending(long rid, BoshRequest request, Exchange exchange) {
        this.rid = rid;
        this.request = request;
        this.exchange = exchange;
    }
}
