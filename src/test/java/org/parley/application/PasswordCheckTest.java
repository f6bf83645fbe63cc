package org.parley.application;

import org.junit.jupiter.api.Test;
import org.parley.domain.account.Account;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PasswordCheckTest {
    private static final int ITERATIONS = 4096;

    private static Account account(String password) {
        Account a = new Account("example.org", "alice");
        a.setPassword(password, ITERATIONS);
        return a;
    }

    @Test
    void theRightPasswordMatchesTheStoredScramKeys() {
        assertEquals(PasswordCheck.Outcome.OK, PasswordCheck.check(Optional.of(account("s3cret pass")), "s3cret pass"));
    }

    @Test
    void aWrongOrEmptyPasswordDoesNot() {
        Optional<Account> a = Optional.of(account("s3cret pass"));
        assertEquals(PasswordCheck.Outcome.WRONG, PasswordCheck.check(a, "s3cret pasS"));
        assertEquals(PasswordCheck.Outcome.WRONG, PasswordCheck.check(a, ""));
        assertEquals(PasswordCheck.Outcome.WRONG, PasswordCheck.check(a, null));
    }

    @Test
    void anUnknownAccountIsWrongWhateverThePassword() {
        assertEquals(PasswordCheck.Outcome.WRONG, PasswordCheck.check(Optional.empty(), "anything"));
    }

    @Test
    void passwordsAreSaslPreppedLikeXmppLogins() {
        // RFC 4013: a non-ASCII space maps to a space, so both spellings are the same password
        assertEquals(PasswordCheck.Outcome.OK,
                PasswordCheck.check(Optional.of(account("pass word")), "pass\u00A0word"));
    }

    @Test
    void aDisabledAccountIsReportedOnlyWithTheRightPassword() {
        Account a = account("s3cret pass");
        a.setEnabled(false);
        assertEquals(PasswordCheck.Outcome.DISABLED, PasswordCheck.check(Optional.of(a), "s3cret pass"));
        assertEquals(PasswordCheck.Outcome.WRONG, PasswordCheck.check(Optional.of(a), "guess"));
    }

    @Test
    void aBareLocalPartMeansTheDefaultDomain() {
        assertEquals("alice@localhost", PasswordLogin.qualify(" alice "));
        assertEquals("alice@example.org", PasswordLogin.qualify("alice@example.org"));
        assertEquals("", PasswordLogin.qualify(null));
    }

    @Test
    void searchTextIsALiteralSubstring() {
        assertEquals("%a!%b!_c!!%", AccountInput.likePattern(" A%b_c! "));
        assertEquals("%%", AccountInput.likePattern(null));
    }
}
