package org.parley.interfaces.websecurity;

import jakarta.enterprise.context.RequestScoped;
import org.parley.application.PasswordLogin;

/**
 * Why this request's login attempt failed, so the login page can say "too many attempts" or "disabled"
 * where Jakarta Security only reports "invalid".
 */
@RequestScoped
public class LoginFailure {
    private PasswordLogin.Status status;

    void set(PasswordLogin.Status status) {
        this.status = status;
    }

    /** The status of the last attempt in this request, or null when none was made. */
    public PasswordLogin.Status status() {
        return status;
    }
}
