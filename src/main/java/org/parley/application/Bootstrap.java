package org.parley.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.parley.config.ParleyConfig;
import org.parley.domain.account.Account;
import org.parley.domain.host.VirtualHost;
import org.parley.feature.register.RegistrationSettings;
import org.parley.xmpp.sasl.ScramCredential;
import org.parley.xmpp.spi.HostSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * First start: the configured domains and a bootstrap admin. The admin password is the configured one
 * ({@code parley.admin.password}) or a random one written once to a file readable only by the server's user
 * (never to the log).
 */
@ApplicationScoped
public class Bootstrap {
    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Transactional
    public void ensureHostsAndAdmin() {
        for (String d : ParleyConfig.initialDomains()) {
            String domain = HostService.normalise(d);
            if (em.find(VirtualHost.class, domain) == null) {
                VirtualHost h = new VirtualHost(domain);
                HostSettingCatalog.store(HostSettings.defaults(domain).with(RegistrationSettings.REGISTRATION_ENABLED,
                        ParleyConfig.getBool("registration.default", false)), h.settings());
                em.persist(h);
                LOG.info(() -> "created virtual host " + domain);
            }
        }
        String first = HostService.normalise(ParleyConfig.initialDomains().get(0));
        org.xmpp.packet.JID admin = AccountService.bare(ParleyConfig.get("admin.jid", "admin@" + first));
        boolean exists = !em.createNamedQuery("Account.find", Account.class)
                .setParameter("domain", admin.getDomain()).setParameter("username", admin.getNode())
                .getResultList().isEmpty();
        String configured = ParleyConfig.get("admin.password", null);
        if (exists) {
            return;
        }
        if (em.find(VirtualHost.class, admin.getDomain()) == null) {
            VirtualHost h = new VirtualHost(admin.getDomain());
            HostSettingCatalog.store(HostSettings.defaults(admin.getDomain()), h.settings());
            em.persist(h);
        }
        String password = configured != null ? configured : randomPassword();
        Account a = new Account(admin.getDomain(), admin.getNode());
        a.setPassword(password, ParleyConfig.getInt("scram.iterations", ScramCredential.DEFAULT_ITERATIONS));
        a.setAdmin(true);
        em.persist(a);
        if (configured == null) {
            Path file = ParleyConfig.dataDir().resolve("bootstrap-admin.txt");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, admin.toBareJID() + " " + password + "\n", StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot write " + file, e);
            }
            LOG.warning(() -> "created bootstrap admin " + admin.toBareJID() + "; its password is in " + file
                    + " (change it, then delete the file)");
        } else {
            LOG.info(() -> "created bootstrap admin " + admin.toBareJID() + " with the configured password");
        }
    }

    private static String randomPassword() {
        byte[] b = new byte[15];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
