package org.parley.feature.privatedata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.parley.config.ParleyConfig;
import org.parley.xmpp.spi.IqScope;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.spi.ModuleContext;

/** XEP-0049 Private XML Storage (used e.g. by XEP-0048 bookmarks of older clients). */
@ApplicationScoped
public class PrivateDataModule implements Module {

    @Inject
    PrivateStore store;

    @Override
    public String name() {
        return "privatedata";
    }

    @Override
    public void start(ModuleContext ctx) {
        int maxNamespaces = ParleyConfig.getInt("private.max.namespaces", 100);
        ctx.iq(IqScope.ACCOUNT, PrivateRequests.NS, new PrivateRequests(store::load,
                (account, payloads) -> store.save(account, payloads, maxNamespaces),
                ParleyConfig.getInt("private.max.bytes", 65536)));
        ctx.disco().serverFeature(PrivateRequests.NS);
    }
}
