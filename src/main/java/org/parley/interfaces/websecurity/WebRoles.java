package org.parley.interfaces.websecurity;

/** The roles (Jakarta Security groups) of web logins; web.xml declares the same names. */
public final class WebRoles {
    /** Every account that logged in. */
    public static final String USER = "user";
    /** Accounts with the admin flag: the console at /admin. */
    public static final String ADMIN = "admin";

    private WebRoles() {
    }
}
