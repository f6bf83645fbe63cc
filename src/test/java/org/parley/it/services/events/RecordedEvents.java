package org.parley.it.services.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.parley.api.MessageRouted;
import org.parley.api.UserOffline;
import org.parley.api.UserOnline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An ordinary CDI observer of the host application: it knows nothing of Parley's subscription API. */
@ApplicationScoped
public class RecordedEvents {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    void online(@Observes UserOnline e) {
        lines.add("online " + e.jid() + " " + e.account() + " " + e.transport() + " " + (e.at() != null));
    }

    void offline(@Observes UserOffline e) {
        lines.add("offline " + e.jid() + " " + e.transport());
    }

    void routed(@Observes MessageRouted e) {
        lines.add("message " + e.from() + " " + e.to() + " " + e.type() + " " + e.id());
    }

    public List<String> lines() {
        return lines;
    }
}
