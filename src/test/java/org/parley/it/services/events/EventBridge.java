package org.parley.it.services.events;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.parley.api.EventSubscriptions;
import org.parley.api.MessageRouted;
import org.parley.api.ParleyEventListener;
import org.parley.api.UserOffline;
import org.parley.api.UserOnline;

/**
 * What docs/ejb.md tells a host application to write: subscribe to Parley's events when deployed, re-fire them
 * as CDI events of this deployment, unsubscribe when undeployed.
 */
@Startup
@Singleton
public class EventBridge {
    @EJB(lookup = "java:global/parley/EventHub!org.parley.api.EventSubscriptions")
    EventSubscriptions parley;

    @Inject
    Event<UserOnline> online;

    @Inject
    Event<UserOffline> offline;

    @Inject
    Event<MessageRouted> routed;

    private final ParleyEventListener listener = new ParleyEventListener() {
        @Override
        public void userOnline(UserOnline e) {
            online.fire(e);
        }

        @Override
        public void userOffline(UserOffline e) {
            offline.fire(e);
        }

        @Override
        public void messageRouted(MessageRouted e) {
            routed.fire(e);
        }
    };

    @PostConstruct
    void subscribe() {
        parley.subscribe(listener);
    }

    @PreDestroy
    void unsubscribe() {
        parley.unsubscribe(listener);
    }
}
