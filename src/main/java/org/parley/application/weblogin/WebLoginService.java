package org.parley.application.weblogin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import org.parley.config.ParleyConfig;
import org.xmpp.packet.JID;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Single sign-on for web users: the XMPP password slot of SASL PLAIN carries either a one-time token Parley
 * issued (REST, credentials endpoint) or an HMAC token the host application minted with the shared secret.
 * Secret and seed come from server configuration ({@code parley.sso.hmac.secret}, {@code parley.sso.hmac.seed}),
 * never from the WAR; without them HMAC tokens are off.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebLoginService {
    private LoginTokens tokens;
    private HmacTokens hmac;
    private Duration ttl;

    @PostConstruct
    void init() {
        tokens = new LoginTokens(ParleyConfig.getInt("sso.tokens.max", 100_000), Clock.systemUTC());
        ttl = Duration.ofSeconds(ParleyConfig.getInt("sso.token.ttl.seconds", 120));
        String secret = ParleyConfig.get("sso.hmac.secret", null);
        String seed = ParleyConfig.get("sso.hmac.seed", null);
        if (secret != null && seed != null) {
            hmac = new HmacTokens(secret.getBytes(StandardCharsets.UTF_8), seed.getBytes(StandardCharsets.UTF_8),
                    ParleyConfig.getInt("sso.hmac.nonce.length", 16), ParleyConfig.getInt("sso.hmac.window", 1),
                    Clock.systemUTC());
        }
    }

    /** A one-time token for an account (the caller checked who may ask for it). */
    public LoginTokens.Issued issue(JID bare) {
        return tokens.issue(bare.toBareJID(), ttl);
    }

    /** Whether the PLAIN password is a valid web login token of this account (consumes it). */
    public boolean verify(JID bare, String password) {
        String jid = bare.toBareJID();
        return tokens.consume(jid, password) || (hmac != null && hmac.verify(jid, password));
    }

    public Duration ttl() {
        return ttl;
    }
}
