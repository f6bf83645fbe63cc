package org.parley.interfaces.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import org.parley.application.AccountService;
import org.parley.domain.account.AccountException;

/** An account's bare JID (local part required), with the account service's own syntax rules. */
@FacesValidator("parley.jid")
public class JidValidator implements Validator<String> {
    @Override
    public void validate(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return; // "required" reports it
        }
        try {
            AccountService.bare(value.trim());
        } catch (AccountException e) {
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
        if (value.contains("/")) {
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "a bare JID has no resource: " + value, null));
        }
    }
}
