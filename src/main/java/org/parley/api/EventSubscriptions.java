package org.parley.api;

/**
 * CDI events do not cross deployments: a host application subscribes a listener here (local view, same
 * server) and typically re-fires the events as CDI events of its own. Unsubscribe before undeploying.
 */
public interface EventSubscriptions {
    void subscribe(ParleyEventListener listener);

    void unsubscribe(ParleyEventListener listener);
}
