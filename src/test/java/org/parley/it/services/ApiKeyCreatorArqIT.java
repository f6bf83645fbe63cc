package org.parley.it.services;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.application.AccountService;
import org.parley.application.ApiKeyService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An API key acts for the administrator who created it, so it stops working (403) once that account is no
 * longer an administrator, is disabled or is deleted; and works again when the flag comes back.
 */
@ExtendWith(ArquillianExtension.class)
class ApiKeyCreatorArqIT {

    @Deployment
    static WebArchive deployment() {
        return ParleyDeployments.nextToParley("parley-apikey-it.war").addClass(ApiKeyCreatorArqIT.class);
    }

    @EJB(lookup = "java:global/parley/AccountService!org.parley.application.AccountService")
    AccountService accounts;

    @EJB(lookup = "java:global/parley/ApiKeyService!org.parley.application.ApiKeyService")
    ApiKeyService keys;

    @Test
    void aKeyStopsWorkingWhenItsCreatorIsNoLongerAnAdministrator() throws Exception {
        String domain = System.getProperty("parley.domains", "localhost").split(",")[0].trim();
        String creator = "keyadmin" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
        accounts.register(creator, "pw-" + UUID.randomUUID(), true);
        try {
            String key = keys.create("creator test", "read-only", creator).key();
            assertEquals(200, status(key));
            accounts.setAdmin(creator, false);
            assertEquals(403, status(key));
            accounts.setAdmin(creator, true);
            assertEquals(200, status(key));
            accounts.setEnabled(creator, false);
            assertEquals(403, status(key));
            accounts.unregister(creator);
            assertEquals(403, status(key));
        } finally {
            if (accounts.find(creator).isPresent()) {
                accounts.unregister(creator);
            }
        }
    }

    private static int status(String key) throws Exception {
        String base = "http://" + System.getProperty("jboss.bind.address", "127.0.0.1") + ":"
                + System.getProperty("parley.http.port", "8080");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/users"))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
