package org.parley.infrastructure.transport.bosh;

/** One HTTP request waiting for its response: the servlet's async context, or a test double. */
interface Exchange {

    /**
     * Sends the response and ends the exchange; later calls do nothing. Never blocks for long: the body is
     * small or the container buffers it.
     *
     * @return false if the exchange had already been answered (or timed out)
     */
    boolean respond(int status, String contentType, String body);
}
