package org.parley.feature.ping;

import jakarta.enterprise.context.ApplicationScoped;
import org.parley.xmpp.spi.ClientSessionView;
import org.parley.xmpp.spi.HookPoint;
import org.parley.xmpp.spi.IqScope;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.Scheduler;
import org.parley.xmpp.spi.SessionListener;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * XEP-0199 XMPP Ping: answers pings to the server and to accounts, and pings idle sessions. Activity is
 * tracked by a first OUTBOUND hook (every stanza a session sends passes it), so only idle sessions are pinged.
 */
@ApplicationScoped
public class PingModule implements Module {
    static final String NS = "urn:xmpp:ping";

    private Scheduler.Cancellable sweeps;

    @Override
    public String name() {
        return "ping";
    }

    @Override
    public void start(ModuleContext ctx) {
        ctx.iq(IqScope.HOST, NS, (iq, origin) -> pong(iq));
        ctx.iq(IqScope.ACCOUNT, NS, (iq, origin) -> pongForAccount(iq, ctx::accountExists));
        ctx.disco().serverFeature(NS);
        ctx.disco().accountFeature(NS);

        PingTiming timing = PingTiming.fromConfig();
        if (!timing.enabled()) {
            return; // server pings disabled
        }
        // the runtime's scheduler (the container's): its threads only hand the work to the workers
        Scheduler scheduler = ctx.scheduler();
        IdlePinger pinger = new IdlePinger(ctx.sessions(), ctx::request,
                (task, ms) -> scheduler.schedule(() -> ctx.execute(task), ms, TimeUnit.MILLISECONDS),
                scheduler::nowMillis, timing);
        ctx.hook(HookPoint.OUTBOUND, Integer.MIN_VALUE, (stanza, origin) -> {
            if (origin != null) {
                long t = scheduler.nowMillis();
                Liveness.of(origin, t).touch(t);
            }
            return false;
        });
        ctx.sessionListener(new SessionListener() {
            @Override
            public void bound(ClientSessionView session) {
                Liveness.of(session, scheduler.nowMillis());
            }

            @Override
            public void closed(ClientSessionView session) {
                pinger.closed(session);
            }
        });
        long every = timing.sweepEvery();
        sweeps = scheduler.scheduleWithFixedDelay(() -> ctx.execute(pinger::sweep), every, every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (sweeps != null) {
            sweeps.cancel();
        }
    }

    static IQ pong(IQ iq) {
        if (iq.getType() != IQ.Type.get) {
            return ModuleContext.error(iq, PacketError.Condition.bad_request);
        }
        return IQ.createResultIQ(iq);
    }

    /** A ping to a bare JID is answered by the server for the account, if it exists. */
    static IQ pongForAccount(IQ iq, Predicate<JID> accountExists) {
        JID account = iq.getTo() != null ? iq.getTo() : iq.getFrom();
        if (account == null || account.getNode() == null || !accountExists.test(account.asBareJID())) {
            return ModuleContext.error(iq, PacketError.Condition.service_unavailable);
        }
        return pong(iq);
    }
}
