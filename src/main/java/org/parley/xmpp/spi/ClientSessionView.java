package org.parley.xmpp.spi;

import java.time.OffsetDateTime;

/** Read-only facts of a bound session, for modules, the console and the APIs. */
public interface ClientSessionView extends Origin {
    String transport();

    String remoteAddress();

    OffsetDateTime since();

    int priority();

    boolean isSecure();
}
