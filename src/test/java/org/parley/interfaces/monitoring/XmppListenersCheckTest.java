package org.parley.interfaces.monitoring;

import io.netty.util.concurrent.DefaultThreadFactory;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.parley.infrastructure.transport.tcp.TcpListener;

import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class XmppListenersCheckTest {

    @Test
    void upWhenEveryExpectedListenerIsOpen() {
        HealthCheckResponse r = XmppListenersCheck.check(Map.of("127.0.0.1:5222", true, "127.0.0.1:5223", true), 2);
        assertEquals(HealthCheckResponse.Status.UP, r.getStatus());
        assertEquals("open", r.getData().orElseThrow().get("127.0.0.1:5222"));
        assertEquals(HealthCheckResponse.Status.UP, XmppListenersCheck.check(Map.of(), 0).getStatus(),
                "both ports off: nothing to check");
    }

    @Test
    void downWhenAListenerClosedOrNeverStarted() {
        Map<String, Boolean> one = new LinkedHashMap<>();
        one.put("127.0.0.1:5222", true);
        one.put("127.0.0.1:5223", false);
        HealthCheckResponse r = XmppListenersCheck.check(one, 2);
        assertEquals(HealthCheckResponse.Status.DOWN, r.getStatus());
        assertEquals("closed", r.getData().orElseThrow().get("127.0.0.1:5223"));
        assertEquals(HealthCheckResponse.Status.DOWN, XmppListenersCheck.check(Map.of(), 2).getStatus(),
                "listeners not started yet");
    }

    @Test
    void theTcpListenerReportsItsOpenSockets() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        TcpListener listener = new TcpListener(null, null, 65536, 1, new DefaultThreadFactory("listener-test"));
        try {
            listener.listen("127.0.0.1", port, false);
            assertEquals(Map.of("127.0.0.1:" + port, true), listener.listeners());
            assertEquals(HealthCheckResponse.Status.UP, XmppListenersCheck.check(listener.listeners(), 1).getStatus());
        } finally {
            listener.close();
        }
        assertEquals(Map.of("127.0.0.1:" + port, false), listener.listeners());
    }
}
