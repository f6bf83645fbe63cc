package org.parley.infrastructure.transport.bosh;

import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** An HTTP exchange without HTTP: records the response. */
final class FakeExchange implements Exchange {
    record Response(int status, String contentType, String body) {
        Element xml() {
            try {
                return DocumentHelper.parseText(body).getRootElement();
            } catch (DocumentException e) {
                throw new AssertionError("not well-formed: " + body, e);
            }
        }
    }

    private final CompletableFuture<Response> response = new CompletableFuture<>();

    @Override
    public boolean respond(int status, String contentType, String body) {
        return response.complete(new Response(status, contentType, body));
    }

    boolean answered() {
        return response.isDone();
    }

    Response await() {
        try {
            return response.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no response within 5 s", e);
        }
    }

    Element xml() {
        return await().xml();
    }
}
