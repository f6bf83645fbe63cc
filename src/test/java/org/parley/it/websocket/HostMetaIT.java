package org.parley.it.websocket;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** XEP-0156: host-meta lists the WebSocket and BOSH URLs of the server that answered. */
class HostMetaIT {
    static final String BASE = "127.0.0.1:" + WsXmppClient.HTTP_PORT;

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + BASE + path))
                .header("Origin", "https://elsewhere.example").timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void xrd() throws Exception {
        HttpResponse<String> r = get("/.well-known/host-meta");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/xrd+xml"));
        Element xrd = DocumentHelper.parseText(r.body()).getRootElement();
        assertEquals("http://docs.oasis-open.org/ns/xri/xrd-1.0", xrd.getNamespaceURI());
        List<Element> links = xrd.elements("Link");
        assertTrue(links.stream().anyMatch(l -> "urn:xmpp:alt-connections:websocket".equals(l.attributeValue("rel"))
                && ("ws://" + BASE + "/xmpp-websocket").equals(l.attributeValue("href"))), r.body());
        assertTrue(links.stream().anyMatch(l -> "urn:xmpp:alt-connections:xbosh".equals(l.attributeValue("rel"))
                && ("http://" + BASE + "/http-bind").equals(l.attributeValue("href"))), r.body());
    }

    @Test
    void jrd() throws Exception {
        HttpResponse<String> r = get("/.well-known/host-meta.json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        String body = r.body().replace(" ", "");
        assertTrue(body.contains("{\"rel\":\"urn:xmpp:alt-connections:websocket\",\"href\":\"ws://" + BASE
                + "/xmpp-websocket\"}"), body);
        assertTrue(body.contains("{\"rel\":\"urn:xmpp:alt-connections:xbosh\",\"href\":\"http://" + BASE
                + "/http-bind\"}"), body);
    }
}
