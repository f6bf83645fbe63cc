package org.parley.domain.account;

/** CDI event: an account was removed; feature modules delete what they stored for it. */
public record AccountDeleted(String bareJid) {
}
