package org.parley.interfaces.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.application.PasswordLogin;
import org.parley.interfaces.websecurity.ConsoleAuthMechanism;
import org.parley.interfaces.websecurity.LoginFailure;

import java.io.IOException;

/** The login form (/login.xhtml): user name (bare JID or local part of the default domain) and password. */
@Named("login")
@RequestScoped
public class LoginBean {
    @Inject
    SecurityContext security;

    @Inject
    LoginFailure failure;

    private String username;
    private String password;
    private String error;

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ext = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ext.getRequest();
        HttpServletResponse response = (HttpServletResponse) ext.getResponse();
        try {
            // the container answers "already authenticated" without checking a new credential: log out first
            request.logout();
        } catch (ServletException e) {
            throw new IOException("logout before login failed", e);
        }
        if (request.getSession(false) != null) {
            request.changeSessionId(); // session fixation: the id a visitor had before never becomes a login
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .newAuthentication(true).credential(new UsernamePasswordCredential(username, new Password(password))));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            ext.redirect(ext.getRequestContextPath() + nextPage(request));
        } else {
            error = reason(failure.status());
        }
    }

    /** The console page the user asked for before logging in, else the dashboard. */
    private static String nextPage(HttpServletRequest request) {
        Object next = request.getSession().getAttribute(ConsoleAuthMechanism.NEXT_PAGE);
        request.getSession().removeAttribute(ConsoleAuthMechanism.NEXT_PAGE);
        // only console pages: never an address someone else put into the session
        return next instanceof String page && page.startsWith("/admin/") ? page : ConsoleAuthMechanism.HOME_PAGE;
    }

    static String reason(PasswordLogin.Status status) {
        if (status == PasswordLogin.Status.THROTTLED) {
            return "Too many failed attempts. Try again later.";
        }
        if (status == PasswordLogin.Status.DISABLED) {
            return "This account is disabled.";
        }
        return "Wrong user name or password.";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getError() {
        return error;
    }
}
