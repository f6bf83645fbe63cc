package org.parley.feature.disco;

import jakarta.enterprise.context.ApplicationScoped;
import org.parley.xmpp.spi.IqScope;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.spi.ModuleContext;

/**
 * XEP-0030 Service Discovery for the served domains and the accounts on them, and the server's XEP-0115 entity
 * capabilities in the stream features.
 */
@ApplicationScoped
public class DiscoModule implements Module {

    @Override
    public String name() {
        return "disco";
    }

    @Override
    public void start(ModuleContext ctx) {
        ctx.disco().serverForm(domain -> ServerInfoForm.of(ctx.hosts().settings(domain))); // XEP-0157
        ServerDisco server = new ServerDisco(ctx.disco());
        AccountDisco account = new AccountDisco(ctx.disco(), ctx::accountExists, ctx.sessions());
        ctx.iq(IqScope.HOST, DiscoXml.INFO, (iq, origin) -> server.info(iq));
        ctx.iq(IqScope.HOST, DiscoXml.ITEMS, (iq, origin) -> server.items(iq));
        ctx.streamFeature(server.caps()::feature);
        ctx.iq(IqScope.ACCOUNT, DiscoXml.INFO, (iq, origin) -> account.info(iq));
        ctx.iq(IqScope.ACCOUNT, DiscoXml.ITEMS, (iq, origin) -> account.items(iq));
    }
}
