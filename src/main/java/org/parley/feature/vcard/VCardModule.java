package org.parley.feature.vcard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.parley.config.ParleyConfig;
import org.parley.xmpp.spi.IqScope;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.spi.ModuleContext;

/** XEP-0054 vcard-temp: vCards of the accounts, stored by the server. */
@ApplicationScoped
public class VCardModule implements Module {

    @Inject
    VCardStore store;

    @Override
    public String name() {
        return "vcard";
    }

    @Override
    public void start(ModuleContext ctx) {
        ctx.iq(IqScope.ACCOUNT, VCardRequests.NS, new VCardRequests(store::load, store::save, ctx::accountExists,
                ParleyConfig.getInt("vcard.max.bytes", 65536)));
        ctx.disco().serverFeature(VCardRequests.NS);
        ctx.disco().accountFeature(VCardRequests.NS);
    }
}
