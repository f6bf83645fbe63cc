package org.parley.interfaces.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.parley.application.command.Caller;
import org.parley.interfaces.websecurity.ConsoleAuthMechanism;
import org.parley.interfaces.websecurity.WebRoles;
import org.xmpp.packet.JID;

import java.io.IOException;
import java.security.Principal;

/** The logged-in administrator (who, what it may manage) and the logout of every console page. */
@Named("console")
@RequestScoped
public class ConsoleBean {
    @Inject
    SecurityContext security;

    /** The caller's bare JID, or null when nobody is logged in. */
    public String getUser() {
        Principal p = security.getCallerPrincipal();
        // WildFly reports an "anonymous" caller without a login: the role tells a real web login
        return p == null || !security.isCallerInRole(WebRoles.USER) ? null : p.getName();
    }

    public JID admin() {
        String user = getUser();
        return user == null ? null : new JID(user);
    }

    /** The logged-in account as the admin commands' caller (the console admits administrators only). */
    public Caller caller() {
        JID admin = admin();
        if (admin == null) {
            throw new IllegalStateException("nobody is logged in");
        }
        return Caller.account(admin, security.isCallerInRole(WebRoles.ADMIN));
    }

    /** Administrators manage their own domain only (the commands' rule, for what the pages show). */
    public boolean mayManage(String domain) {
        return admin() != null && caller().isAdminOf(domain);
    }

    public void logout() throws IOException, ServletException {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ext.getRequest();
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        ext.redirect(ext.getRequestContextPath() + ConsoleAuthMechanism.LOGIN_PAGE);
    }
}
