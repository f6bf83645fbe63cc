package org.parley.interfaces.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.parley.api.ParleyException;
import org.parley.feature.admin.AccountErrors;

import java.util.Optional;

/** Faces messages of the console pages; refusals of the application services become messages, not pages. */
final class Messages {
    private Messages() {
    }

    static void info(String text) {
        add(null, FacesMessage.SEVERITY_INFO, text);
    }

    /** An error for one input (its client id) or for the page (null). */
    static void error(String clientId, String text) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text);
    }

    /**
     * Runs a command or service call; a refusal (ParleyException, also wrapped by the EJB container) becomes an error
     * message for {@code clientId}. Other failures propagate (the error page, never a stack trace).
     */
    static boolean attempt(Runnable call, String clientId) {
        try {
            call.run();
            return true;
        } catch (RuntimeException e) {
            Optional<ParleyException> refusal = AccountErrors.refusal(e);
            if (refusal.isEmpty()) {
                throw e;
            }
            error(clientId, refusal.get().getMessage());
            return false;
        }
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
