package org.parley.it.services;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.it.services.events.EventBridge;
import org.parley.it.services.events.EventsServlet;
import org.parley.it.services.events.RecordedEvents;
import org.parley.it.support.Await;
import org.parley.it.support.Clients;
import org.parley.it.support.TestAccounts;
import org.jxmpp.jid.impl.JidCreate;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parley's events in another deployment: the test archive subscribes through the EventSubscriptions view and
 * re-fires them as its own CDI events (EventBridge), which a plain observer records. A Smack client logs in,
 * sends a message and logs out; the observer sees UserOnline, MessageRouted and UserOffline.
 */
@ExtendWith(ArquillianExtension.class)
class EventsArqIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ParleyDeployments.nextToParley("parley-events-it.war")
                .addClasses(EventBridge.class, RecordedEvents.class, EventsServlet.class)
                .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                        + "version=\"4.0\" bean-discovery-mode=\"annotated\"/>"), "beans.xml");
    }

    @ArquillianResource
    URL base;

    @Test
    void anObserverOfAnotherDeploymentSeesLoginMessageAndLogout() throws Exception {
        try (TestAccounts accounts = TestAccounts.open()) {
            TestAccounts.Account alice = accounts.create("evalice");
            TestAccounts.Account bob = accounts.create("evbob");
            XMPPTCPConnection b = Clients.login(bob, "desk");
            XMPPTCPConnection a = Clients.login(alice, "phone");
            String aliceFull = alice.jid() + "/phone";
            try {
                Await.until("alice online", () -> events().contains("online " + aliceFull + " " + alice.jid()
                        + " tcp true"));
                Message m = StanzaBuilder.buildMessage("ev-1").to(JidCreate.entityBareFrom(bob.jid()))
                        .ofType(Message.Type.chat).setBody("hello events").build();
                a.sendStanza(m);
                Await.until("the message", () -> events().contains("message " + aliceFull + " " + bob.jid()
                        + " chat ev-1"));
            } finally {
                Clients.close(a, b);
            }
            Await.until("alice offline", () -> events().contains("offline " + aliceFull + " tcp"));
            assertTrue(events().contains("online " + bob.jid() + "/desk"), events());
        }
    }

    private String events() {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + "/events"))
                    .build();
            return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
