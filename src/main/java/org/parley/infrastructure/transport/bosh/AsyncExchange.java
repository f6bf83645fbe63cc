package org.parley.infrastructure.transport.bosh;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A request suspended with Servlet async: held without a thread until its session answers it. */
final class AsyncExchange implements Exchange, AsyncListener {
    private static final Logger LOG = Logger.getLogger(AsyncExchange.class.getName());
    private final AsyncContext context;
    private final AtomicBoolean done = new AtomicBoolean();

    /** @param timeoutMillis the container's own limit, a safety net beyond the session's 'wait' */
    AsyncExchange(AsyncContext context, long timeoutMillis) {
        this.context = context;
        context.setTimeout(timeoutMillis);
        context.addListener(this);
    }

    @Override
    public boolean respond(int status, String contentType, String body) {
        if (!done.compareAndSet(false, true)) {
            return false;
        }
        try {
            HttpServletResponse response = (HttpServletResponse) context.getResponse();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setStatus(status);
            response.setContentType(contentType);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "BOSH response not delivered (client gone)", e);
        } finally {
            try {
                context.complete();
            } catch (IllegalStateException e) {
                // already completed by the container (error, timeout)
            }
        }
        return true;
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        respond(200, Negotiated.DEFAULT_CONTENT_TYPE, ResponseBodies.EMPTY);
    }

    @Override
    public void onError(AsyncEvent event) {
        done.set(true); // the client went away; the container ends the exchange
    }

    @Override
    public void onComplete(AsyncEvent event) {
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }
}
