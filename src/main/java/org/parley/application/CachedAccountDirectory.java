package org.parley.application;

import org.parley.domain.account.Account;
import org.parley.xmpp.core.AccountDirectory;
import org.parley.xmpp.sasl.CredentialStore;
import org.parley.xmpp.sasl.ScramAlgorithm;
import org.parley.xmpp.sasl.ScramCredential;
import org.xmpp.packet.JID;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Account facts for the login and routing paths, cached so a login or a message to an offline user costs
 * no database round trip after the first; {@link AccountService} invalidates on every change.
 */
final class CachedAccountDirectory implements AccountDirectory {
    record Snapshot(boolean enabled, boolean admin, ScramCredential sha1, ScramCredential sha256) {
    }

    private static final int MAX_ENTRIES = 200_000;
    private final Map<JID, Optional<Snapshot>> cache = new ConcurrentHashMap<>();
    private final Function<JID, Optional<Account>> loader;
    private final BiPredicate<JID, String> webLogin;

    /** @param webLogin accepts web login tokens in place of a password (SASL PLAIN) */
    CachedAccountDirectory(Function<JID, Optional<Account>> loader, BiPredicate<JID, String> webLogin) {
        this.loader = loader;
        this.webLogin = webLogin;
    }

    void invalidate(JID bare) {
        cache.remove(bare.asBareJID());
    }

    private Optional<Snapshot> get(JID bare) {
        JID key = bare.asBareJID();
        Optional<Snapshot> s = cache.get(key);
        if (s == null) {
            s = loader.apply(key).map(a -> new Snapshot(a.isEnabled(), a.isAdmin(),
                    a.credential(ScramAlgorithm.SHA_1), a.credential(ScramAlgorithm.SHA_256)));
            if (cache.size() > MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(key, s);
        }
        return s;
    }

    @Override
    public boolean exists(JID bareJid) {
        return get(bareJid).isPresent();
    }

    @Override
    public boolean isEnabled(JID bareJid) {
        return get(bareJid).map(Snapshot::enabled).orElse(false);
    }

    @Override
    public boolean isAdmin(JID bareJid) {
        return get(bareJid).map(Snapshot::admin).orElse(false);
    }

    @Override
    public CredentialStore credentials(String domain) {
        return new CredentialStore() {
            @Override
            public Optional<ScramCredential> scramCredential(String username, ScramAlgorithm alg) {
                JID jid = jid(username);
                if (jid == null) {
                    return Optional.empty();
                }
                return get(jid).map(s -> alg == ScramAlgorithm.SHA_1 ? s.sha1() : s.sha256());
            }

            @Override
            public boolean verifyPlain(String username, String password) {
                JID jid = jid(username);
                if (jid != null && exists(jid) && webLogin.test(jid, password)) {
                    return true;
                }
                return CredentialStore.super.verifyPlain(username, password);
            }

            @Override
            public boolean isEnabled(String username) {
                JID jid = jid(username);
                return jid != null && CachedAccountDirectory.this.isEnabled(jid);
            }

            private JID jid(String username) {
                try {
                    return new JID(username, domain, null);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        };
    }
}
