package org.parley.interfaces.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.parley.feature.admin.AccountErrors;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Messages of the settings pages: errors on a field (shown by its h:message) or for the page. */
final class FacesMessages {
    private static final Logger LOG = Logger.getLogger(FacesMessages.class.getName());

    private FacesMessages() {
    }

    /** An error on the component with this id (the pages' forms use prependId="false"); null: the page. */
    static void error(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        FacesContext.getCurrentInstance().validationFailed();
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    /**
     * A refused service call as a message on the field: the service's own reason when it gave one; anything
     * else is logged and shown as a short failure, never as a stack trace.
     */
    static void refused(String clientId, RuntimeException e) {
        String reason = AccountErrors.refusal(e).map(Throwable::getMessage).orElse(null);
        if (reason == null) {
            LOG.log(Level.WARNING, "console action failed", e);
            reason = "the server could not do this (see the server log)";
        }
        error(clientId, reason);
    }
}
