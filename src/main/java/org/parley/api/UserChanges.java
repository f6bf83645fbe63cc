package org.parley.api;

import java.io.Serializable;

/** A change of an account; null members stay as they are. Disabling ends the account's sessions. */
public record UserChanges(String password, Boolean admin, Boolean enabled) implements Serializable {
}
