package org.parley.xmpp.spi;

/**
 * A protocol feature. Each feature package has one (CDI bean implementing this interface); on start it
 * registers the IQ namespaces, disco features, stream features and stanza hooks it owns. The core names
 * no feature.
 */
public interface Module {

    /** Short name for logs and the console, e.g. "roster". */
    String name();

    void start(ModuleContext context);

    default void stop() {
    }
}
