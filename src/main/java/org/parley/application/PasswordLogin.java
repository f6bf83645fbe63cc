package org.parley.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.parley.config.ParleyConfig;
import org.parley.domain.account.Account;
import org.parley.domain.account.AccountException;
import org.parley.xmpp.sasl.AuthThrottle;
import org.xmpp.packet.JID;

import java.util.Optional;

/**
 * Password logins outside XMPP (the web console): the account's SCRAM keys decide ({@link PasswordCheck}),
 * under the XMPP login's failed-login throttle, so guesses over HTTP and XMPP count against the same limits.
 */
@Stateless
public class PasswordLogin {
    public enum Status { OK, WRONG, DISABLED, THROTTLED }

    /** The outcome; jid and admin are set when the status is OK. */
    public record Result(Status status, JID jid, boolean admin) {
    }

    @EJB
    AccountService accounts;

    @EJB
    XmppServerBean xmpp;

    /**
     * @param user    a bare JID, or a bare local part for an account of the default domain
     * @param address the client's address (throttled like XMPP logins)
     */
    public Result login(String user, String password, String address) {
        JID jid;
        try {
            jid = AccountService.bare(qualify(user));
        } catch (AccountException e) {
            return new Result(Status.WRONG, null, false);
        }
        String key = jid.toBareJID();
        AuthThrottle throttle = xmpp.authThrottle();
        if (!throttle.allowed(key, address)) {
            return new Result(Status.THROTTLED, null, false);
        }
        Optional<Account> account = accounts.find(jid);
        PasswordCheck.Outcome outcome = PasswordCheck.check(account, password);
        if (outcome == PasswordCheck.Outcome.WRONG) {
            throttle.failed(key, address);
            return new Result(Status.WRONG, null, false);
        }
        throttle.succeeded(key, address);
        if (outcome == PasswordCheck.Outcome.DISABLED) {
            return new Result(Status.DISABLED, null, false);
        }
        return new Result(Status.OK, jid, account.get().isAdmin());
    }

    /** A bare local part means the default domain's account (the first configured domain). */
    static String qualify(String user) {
        if (user == null) {
            return "";
        }
        String u = user.trim();
        return u.isEmpty() || u.contains("@") ? u : u + "@" + ParleyConfig.initialDomains().stream().findFirst().orElse("localhost");
    }
}
