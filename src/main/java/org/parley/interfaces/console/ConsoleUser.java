package org.parley.interfaces.console;

import jakarta.faces.context.FacesContext;
import org.xmpp.packet.JID;

import java.security.Principal;

/** The administrator logged in to the console, as the container authenticated it (none without a login). */
final class ConsoleUser {
    /** Recorded as the creator of what is made while no one is logged in. */
    static final String ANONYMOUS = "console";

    private ConsoleUser() {
    }

    /** The logged-in account's name, or "console". */
    static String name() {
        Principal p = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return p == null || p.getName() == null || p.getName().isBlank() ? ANONYMOUS : p.getName();
    }

    /** The logged-in account's domain, or null. */
    static String domain() {
        String name = name();
        if (ANONYMOUS.equals(name) || name.indexOf('@') < 0) {
            return null;
        }
        try {
            return new JID(name).getDomain();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
