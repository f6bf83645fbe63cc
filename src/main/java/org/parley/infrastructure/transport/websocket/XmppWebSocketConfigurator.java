package org.parley.infrastructure.transport.websocket;

import jakarta.websocket.server.ServerEndpointConfig;
import org.parley.config.ParleyConfig;

/** Handshake policy of the XMPP WebSocket endpoint: the Origin allow-list. */
public class XmppWebSocketConfigurator extends ServerEndpointConfig.Configurator {
    private final OriginPolicy origins = OriginPolicy.parse(ParleyConfig.get("websocket.origins", "*"));

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return origins.allows(originHeaderValue);
    }
}
