package org.parley.application;

import org.parley.config.ParleyConfig;
import org.parley.domain.account.Account;
import org.parley.domain.account.AccountException;
import org.parley.domain.account.AccountException.Reason;
import org.parley.xmpp.sasl.ScramCredential;
import org.xmpp.packet.JID;

import java.util.Locale;

/**
 * What the account operations accept, checked before any of them touches the database: user JIDs (normalised
 * by nodeprep/nameprep), passwords, search text. Bad input is {@link AccountException} with reason INVALID.
 */
final class AccountInput {

    private AccountInput() {
    }

    /** Normalised bare JID of a user (a local part is required). */
    static JID bare(String jid) {
        if (jid == null || jid.isBlank()) {
            throw new AccountException(Reason.INVALID, "a JID is required");
        }
        try {
            JID j = new JID(jid);
            if (j.getNode() == null || j.getNode().isEmpty()) {
                throw new AccountException(Reason.INVALID, "a user JID needs a local part: " + jid);
            }
            return j.asBareJID();
        } catch (IllegalArgumentException e) {
            throw new AccountException(Reason.INVALID, "not a valid JID: " + jid);
        }
    }

    /** A user JID, bare or full, normalised. */
    static JID user(String jid) {
        JID bare = bare(jid);
        JID j = new JID(jid);
        return j.getResource() == null ? bare : new JID(bare.getNode(), bare.getDomain(), j.getResource());
    }

    static void checkPassword(String password) {
        if (password == null || password.isEmpty() || password.length() > 1024) {
            throw new AccountException(Reason.INVALID, "password must be 1 to 1024 characters");
        }
    }

    /** Stores the SCRAM keys of {@code password}; SASLprep refusals of a password are bad input, not failures. */
    static void setPassword(Account a, String password) {
        try {
            a.setPassword(password, ParleyConfig.getInt("scram.iterations", ScramCredential.DEFAULT_ITERATIONS));
        } catch (IllegalArgumentException e) {
            throw new AccountException(Reason.INVALID, "the password contains characters SASLprep forbids");
        }
    }

    /** LIKE pattern matching {@code text} literally, case-insensitively, anywhere in a local part. */
    static String likePattern(String text) {
        // '!' escapes the wildcards, the same way on H2 and PostgreSQL
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return "%" + t.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
