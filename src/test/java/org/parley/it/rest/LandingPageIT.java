package org.parley.it.rest;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /} sends a visitor to a landing page whose links all lead somewhere. */
class LandingPageIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRootRedirectsToTheLandingPageThatLinksTheServersPages() throws Exception {
        URI root = URI.create(RestClient.BASE + "/");
        HttpResponse<String> r = get(root);
        assertEquals(302, r.statusCode(), "GET / redirects: " + r.body());
        URI landing = root.resolve(r.headers().firstValue("Location").orElseThrow());
        assertEquals("/welcome.html", landing.getPath());

        HttpResponse<String> page = get(landing);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"([^\"]+)\"").matcher(page.body());
        while (m.find()) {
            links.add(m.group(1));
        }
        assertTrue(links.containsAll(List.of("/chat/", "/admin/", "/widgets/sample.html", "/api/openapi",
                "/.well-known/host-meta", "/.well-known/host-meta.json")), "links: " + links);
        for (String link : links) {
            HttpResponse<String> target = get(landing.resolve(link));
            // the console answers with its login page (or a redirect to it); everything else is public
            assertTrue(target.statusCode() == 200 || link.startsWith("/admin/") && target.statusCode() == 302,
                    link + " answered " + target.statusCode());
        }
    }

    @Test
    void otherUnknownPathsStillAnswer404() throws Exception {
        assertEquals(404, get(URI.create(RestClient.BASE + "/no-such-page")).statusCode());
    }
}
