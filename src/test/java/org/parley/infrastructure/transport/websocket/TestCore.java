package org.parley.infrastructure.transport.websocket;

import org.parley.xmpp.core.AccountDirectory;
import org.parley.xmpp.core.XmppServer;
import org.parley.xmpp.sasl.AuthThrottle;
import org.parley.xmpp.sasl.CredentialStore;
import org.parley.xmpp.sasl.ScramAlgorithm;
import org.parley.xmpp.sasl.ScramCredential;
import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.spi.Hosts;
import org.xmpp.packet.JID;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/** A real core (no modules) for example.org with accounts alice and bob (password "secret"), run inline. */
final class TestCore {
    static final Set<String> USERS = Set.of("alice", "bob");

    private TestCore() {
    }

    static XmppServer server(boolean plainWithoutTls) {
        Hosts hosts = new Hosts() {
            public boolean isLocal(String d) {
                return "example.org".equals(d);
            }

            public Set<String> domains() {
                return Set.of("example.org");
            }

            public HostSettings settings(String d) {
                return HostSettings.defaults(d);
            }
        };
        XmppServer s = new XmppServer(hosts, new Accounts(), new Inline(),
                new AuthThrottle(100, 100, Duration.ofMinutes(1)), plainWithoutTls);
        s.start(List.of());
        return s;
    }

    static final class Accounts implements AccountDirectory {
        public boolean exists(JID bare) {
            return "example.org".equals(bare.getDomain()) && USERS.contains(bare.getNode());
        }

        public boolean isEnabled(JID bare) {
            return exists(bare);
        }

        public boolean isAdmin(JID bare) {
            return false;
        }

        public CredentialStore credentials(String domain) {
            return new CredentialStore() {
                public Optional<ScramCredential> scramCredential(String username, ScramAlgorithm alg) {
                    return Optional.empty();
                }

                @Override
                public boolean verifyPlain(String username, String password) {
                    return USERS.contains(username) && "secret".equals(password);
                }

                public boolean isEnabled(String username) {
                    return USERS.contains(username);
                }
            };
        }
    }

    /** Runs every task at once in the caller's thread. */
    static final class Inline extends AbstractExecutorService {
        public void execute(Runnable command) {
            command.run();
        }

        public void shutdown() {
        }

        public List<Runnable> shutdownNow() {
            return List.of();
        }

        public boolean isShutdown() {
            return false;
        }

        public boolean isTerminated() {
            return false;
        }

        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
