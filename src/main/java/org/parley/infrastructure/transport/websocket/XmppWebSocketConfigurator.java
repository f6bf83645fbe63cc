package org.parley.infrastructure.transport.websocket;

import jakarta.websocket.server.ServerEndpointConfig;
import org.parley.config.AllowedOrigins;

/** Handshake policy of the XMPP WebSocket endpoint: the Origin allow-list. */
public class XmppWebSocketConfigurator extends ServerEndpointConfig.Configurator {
    // parley.websocket.origins, else parley.web.origins
    private final AllowedOrigins origins = AllowedOrigins.setting("websocket.origins");

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return origins.allows(originHeaderValue);
    }
}
