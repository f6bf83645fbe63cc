package org.parley.application;

import org.parley.api.HostInfo;
import org.parley.api.SessionInfo;
import org.parley.api.UserInfo;
import org.parley.domain.account.Account;
import org.parley.domain.account.AccountException;
import org.parley.domain.account.AccountException.Reason;
import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.HostSettings;

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
        return new HostInfo(s.domain(), HostSettingCatalog.toPlain(s));
    }

    /** {@code current} with the settings {@code h} holds; INVALID (about the setting) when one is bad. */
    public static HostSettings settings(HostSettings current, HostInfo h) {
        try {
            return HostSettingCatalog.merge(current, h.settings());
        } catch (HostSettingCatalog.BadSetting e) {
            throw new AccountException(Reason.INVALID, e.getMessage(), e.name());
        }
    }
}
