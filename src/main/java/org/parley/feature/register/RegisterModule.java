package org.parley.feature.register;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.parley.application.AccountService;
import org.parley.config.ParleyConfig;
import org.parley.xmpp.spi.IqScope;
import org.parley.xmpp.spi.Module;
import org.parley.xmpp.spi.ModuleContext;
import org.parley.xmpp.spi.ModuleContext.StreamState;

/**
 * XEP-0077 in-band registration: offered before authentication on domains whose settings enable registration;
 * password change and cancellation for authenticated users everywhere. Limit: {@code parley.register.max.per.minute}
 * registrations per domain (default 100, 0 = none).
 */
@ApplicationScoped
public class RegisterModule implements Module {
    static final String FEATURE_NS = "http://jabber.org/features/iq-register";

    @EJB
    AccountService accounts;

    @Override
    public String name() {
        return "register";
    }

    @Override
    public void start(ModuleContext ctx) {
        RegistrationLimit limit = new RegistrationLimit(ParleyConfig.getInt("register.max.per.minute", 100),
                System::nanoTime);
        Registration registration = new Registration(ctx.hosts(), accounts, limit);
        ctx.iq(IqScope.PRE_AUTH, Registration.NS, (iq, origin) -> registration.beforeAuth(iq));
        ctx.iq(IqScope.HOST, Registration.NS, (iq, origin) -> registration.afterAuth(iq));
        ctx.disco().serverFeature(Registration.NS);
        ctx.streamFeature((state, domain) -> state == StreamState.BEFORE_AUTH
                && ctx.hosts().settings(domain).get(RegistrationSettings.REGISTRATION_ENABLED) ? feature() : null);
    }

    static Element feature() {
        return DocumentHelper.createElement(QName.get("register", FEATURE_NS));
    }
}
