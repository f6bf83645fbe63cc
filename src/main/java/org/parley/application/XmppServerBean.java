package org.parley.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.parley.config.ParleyConfig;
import org.parley.application.weblogin.WebLoginService;
import org.parley.domain.account.Account;
import org.parley.domain.host.VirtualHost;
import org.parley.infrastructure.tls.ServerCertificate;
import org.parley.infrastructure.transport.tcp.TcpListener;
import org.parley.xmpp.core.ExecutorScheduler;
import org.parley.xmpp.core.XmppServer;
import org.parley.xmpp.sasl.AuthThrottle;
import org.parley.xmpp.sasl.ScramCredential;
import org.parley.xmpp.spi.HostSettings;
import org.parley.xmpp.spi.Hosts;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.spi.Scheduler;
import org.xmpp.packet.JID;

import io.netty.handler.ssl.SslContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Owns the XMPP runtime in the container: loads hosts, bootstraps the admin, starts the modules (CDI beans)
 * and the TCP listeners; ends every stream gracefully on undeploy.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class XmppServerBean {
    private static final Logger LOG = Logger.getLogger(XmppServerBean.class.getName());

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @Any
    Instance<Module> modules;

    @Inject
    Bootstrap bootstrap;

    @EJB
    WebLoginService webLogin;

    private final HostRegistry hosts = new HostRegistry();
    private CachedAccountDirectory accounts;
    private ExecutorService workers;
    private XmppServer server;
    private ScheduledThreadPoolExecutor timerThreads;
    private ExecutorScheduler scheduler;
    private TcpListener tcp;

    @PostConstruct
    void start() {
        bootstrap.ensureHostsAndAdmin();
        for (VirtualHost h : em.createNamedQuery("VirtualHost.all", VirtualHost.class).getResultList()) {
            hosts.put(HostService.settings(h));
        }
        // The one scheduler of the runtime, on the container's managed threads. Not the container's
        // ManagedScheduledExecutorService: that one captures context for every task and keeps a cancelled task
        // queued until its time, while BOSH cancels a 'wait' timer for every answered request.
        timerThreads = new ScheduledThreadPoolExecutor(ParleyConfig.getInt("scheduler.threads", 2), threads);
        timerThreads.setRemoveOnCancelPolicy(true);
        scheduler = new ExecutorScheduler(timerThreads);
        accounts = new CachedAccountDirectory(this::loadAccount, webLogin::verify,
                ParleyConfig.getInt("accounts.cache.max", CachedAccountDirectory.DEFAULT_MAX_ENTRIES));
        workers = Executors.newFixedThreadPool(ParleyConfig.getInt("workers", 16), threads);
        server = new XmppServer(hosts, accounts, workers,
                new AuthThrottle(ParleyConfig.getInt("auth.max.failures.account", 10),
                        ParleyConfig.getInt("auth.max.failures.address", 200),
                        Duration.ofSeconds(ParleyConfig.getInt("auth.failure.window.seconds", 60))),
                ParleyConfig.getBool("sasl.plain.insecure", ParleyConfig.getBool("test.mode", false)),
                Duration.ofSeconds(ParleyConfig.getInt("iq.reply.timeout.seconds",
                        (int) XmppServer.DEFAULT_REPLY_TIMEOUT.toSeconds())),
                scheduler);
        // RFC 6120 §6.4.5: retries one stream gets after a failed SASL attempt (2 to 5) before it ends
        server.saslMaxRetries(ParleyConfig.getInt("sasl.max.retries", XmppServer.DEFAULT_SASL_MAX_RETRIES));
        List<Module> list = new ArrayList<>();
        modules.forEach(list::add);
        server.start(list);
        // unanswered server requests (pings to clients that never answer) end at their deadline
        scheduler.scheduleWithFixedDelay(() -> workers.execute(server::expireRequests), 1, 1,
                TimeUnit.SECONDS);
        LOG.info(() -> "Parley XMPP started for " + hosts.domains() + " with modules "
                + list.stream().map(Module::name).sorted().toList());
        startListeners();
        workers.execute(this::preloadAccounts);
    }

    /** Fills the account cache (parley.accounts.preload accounts), so the reconnects after a restart ask nothing. */
    private void preloadAccounts() {
        int max = ParleyConfig.getInt("accounts.preload", 50_000);
        if (max <= 0) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            int n = accounts.preload(max, last -> em.createNamedQuery("Account.after", Account.class)
                    .setParameter("last", last == null ? 0L : last.getId()).setMaxResults(500).getResultList());
            LOG.info(() -> n + " accounts cached in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } catch (RuntimeException e) {
            LOG.warning(() -> "account cache preload failed (accounts are read at login instead): " + e);
        }
    }

    private void startListeners() {
        try {
            SslContext tls = ServerCertificate.serverContext(hosts.domains());
            tcp = new TcpListener(server, tls, ParleyConfig.maxStanzaBytes(),
                    ParleyConfig.getInt("event.loops", Runtime.getRuntime().availableProcessors()), threads);
            tcp.listen(ParleyConfig.bindAddress(), ParleyConfig.c2sPort(), false);
            tcp.listen(ParleyConfig.bindAddress(), ParleyConfig.c2sTlsPort(), true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the XMPP listeners", e);
        }
    }

    @PreDestroy
    void stop() {
        // periodic tasks (expiry, ping sweeps) end; timers still pending (BOSH, ping timeouts) do nothing
        scheduler.close();
        server.stop();
        try {
            Thread.sleep(200); // let the system-shutdown errors leave
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (tcp != null) {
            tcp.close();
        }
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timerThreads.shutdownNow();
    }

    private Optional<Account> loadAccount(JID bare) {
        return em.createNamedQuery("Account.find", Account.class)
                .setParameter("domain", bare.getDomain()).setParameter("username", bare.getNode())
                .getResultList().stream().findFirst();
    }

    public XmppServer server() {
        return server;
    }

    /** The c2s listeners ("127.0.0.1:5222") and whether each is still open; empty before they start. */
    public java.util.Map<String, Boolean> tcpListeners() {
        TcpListener listener = tcp;
        return listener == null ? java.util.Map.of() : listener.listeners();
    }

    /** The runtime's clock and timers (BOSH's too). */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The failed-login throttle of the XMPP logins, so web logins count against the same limits. */
    public AuthThrottle authThrottle() {
        return server.throttle();
    }

    public Hosts hosts() {
        return hosts;
    }

    public void accountChanged(JID bare) {
        accounts.invalidate(bare);
    }

    public void hostChanged(HostSettings settings) {
        hosts.put(settings);
    }

    public void hostRemoved(String domain) {
        hosts.remove(domain);
    }
}
