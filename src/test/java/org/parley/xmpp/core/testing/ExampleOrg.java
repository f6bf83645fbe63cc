package org.parley.xmpp.core.testing;

import org.parley.xmpp.core.AccountDirectory;
import org.parley.xmpp.sasl.CredentialStore;
import org.parley.xmpp.sasl.ScramAlgorithm;
import org.parley.xmpp.sasl.ScramCredential;
import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.spi.Hosts;
import org.xmpp.packet.JID;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a real core needs in unit tests of transports and modules: one host, example.org, with the accounts
 * alice and bob (password "secret", PLAIN only), and an executor that runs tasks inline.
 */
public final class ExampleOrg {
    public static final String DOMAIN = "example.org";
    public static final Set<String> USERS = Set.of("alice", "bob");
    public static final String PASSWORD = "secret";

    private ExampleOrg() {
    }

    public static Hosts hosts() {
        return hosts(HostSettings.defaults(DOMAIN));
    }

    /** example.org with the given settings (e.g. a lower stanza limit). */
    public static Hosts hosts(HostSettings exampleOrg) {
        return new Hosts() {
            @Override
            public boolean isLocal(String d) {
                return DOMAIN.equals(d);
            }

            @Override
            public Set<String> domains() {
                return Set.of(DOMAIN);
            }

            @Override
            public HostSettings settings(String d) {
                return DOMAIN.equals(d) ? exampleOrg : HostSettings.defaults(d);
            }
        };
    }

    public static AccountDirectory accounts() {
        return new AccountDirectory() {
            @Override
            public boolean exists(JID bare) {
                return DOMAIN.equals(bare.getDomain()) && USERS.contains(bare.getNode());
            }

            @Override
            public boolean isEnabled(JID bare) {
                return exists(bare);
            }

            @Override
            public boolean isAdmin(JID bare) {
                return false;
            }

            @Override
            public CredentialStore credentials(String domain) {
                return new CredentialStore() {
                    @Override
                    public Optional<ScramCredential> scramCredential(String username, ScramAlgorithm alg) {
                        return Optional.empty();
                    }

                    @Override
                    public boolean verifyPlain(String username, String password) {
                        return USERS.contains(username) && PASSWORD.equals(password);
                    }

                    @Override
                    public boolean isEnabled(String username) {
                        return USERS.contains(username);
                    }
                };
            }
        };
    }

    /** Runs every task at once in the caller's thread: a test sees the outcome of each send. */
    public static final class InlineExecutor extends AbstractExecutorService {
        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
