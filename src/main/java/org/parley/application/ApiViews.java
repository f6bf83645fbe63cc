package org.parley.application;

import org.parley.api.HostInfo;
import org.parley.api.SessionInfo;
import org.parley.api.UserInfo;
import org.parley.domain.account.Account;
import org.parley.domain.account.AccountException;
import org.parley.domain.account.AccountException.Reason;
import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.HostSettings;

import java.util.Locale;

/** Internal objects as the published org.parley.api records, and back. */
public final class ApiViews {
    private ApiViews() {
    }

    public static UserInfo user(Account a) {
        return new UserInfo(a.jid(), a.isEnabled(), a.isAdmin(), String.valueOf(a.getCreatedAt()));
    }

    public static SessionInfo session(ClientSessionView s) {
        return new SessionInfo(s.jid().toString(), s.jid().toBareJID(), s.transport(),
                String.valueOf(s.remoteAddress()), String.valueOf(s.since()), s.priority(), s.isAvailable(),
                s.isSecure());
    }

    public static HostInfo host(HostSettings s) {
        return new HostInfo(s.domain(), s.tlsMode().name(), s.registrationEnabled(), s.autoApprove(),
                s.mucEnabled(), s.federationEnabled(), s.maxOfflineMessages(), s.maxStanzaBytes(), s.motd());
    }

    /** INVALID when tlsMode is not one of the modes. */
    public static HostSettings settings(HostInfo h) {
        HostSettings.TlsMode mode;
        try {
            mode = HostSettings.TlsMode.valueOf(h.tlsMode().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AccountException(Reason.INVALID, "tlsMode is one of DISABLED, OPTIONAL, REQUIRED");
        }
        return new HostSettings(h.domain(), mode, h.registrationEnabled(), h.autoApprove(), h.mucEnabled(),
                h.federationEnabled(), h.maxOfflineMessages(), h.maxStanzaBytes(), h.motd());
    }
}
