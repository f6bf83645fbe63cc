package org.parley.api;

import java.util.List;
import java.util.Map;

/**
 * Every admin command of the server (the ones `GET /api/v1/commands` lists), by name. Arguments are Strings,
 * Numbers or Booleans by the command's argument names; results are Strings, Longs, Booleans, Lists and Maps.
 * Refusals are {@link ParleyException}s: FORBIDDEN when the caller may not run the command on that target,
 * NOT_ALLOWED for the "not on your own account" guard, INVALID, NOT_FOUND, CONFLICT.
 */
public interface CommandOperations {
    List<CommandInfo> commands();

    /**
     * Runs a command as the caller of this EJB call: the Parley account it is authenticated as, or the system
     * (every command allowed) when it carries no Parley identity.
     */
    Object run(String name, Map<String, ?> args);

    /**
     * Runs a command on behalf of a Parley account (bare JID), with exactly that account's rights: the command's
     * policy applies as on every other channel (an administrator of its own domain, the account itself, never
     * disabling or deleting itself). FORBIDDEN when there is no such enabled account.
     */
    Object runAs(String accountJid, String name, Map<String, ?> args);
}
