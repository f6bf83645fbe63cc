package org.parley.api;

import java.util.List;

/** Accounts of served domains. JIDs are bare JIDs as text; refusals are {@link ParleyException}s. */
public interface AccountOperations {
    /** The largest page {@link #users} answers. */
    int MAX_PAGE = 10_000;

    /** CONFLICT if it exists, HOST_UNKNOWN for an unserved domain, INVALID for a bad JID or password. */
    UserInfo createUser(String jid, String password, boolean admin);

    /** NOT_FOUND if there is no such account. */
    UserInfo user(String jid);

    /** Accounts of a domain by JID; offset ≥ 0 and 1 ≤ limit ≤ {@link #MAX_PAGE} (INVALID otherwise). */
    List<UserInfo> users(String domain, int offset, int limit);

    long userCount(String domain);

    /** Applies the non-null changes at once; disabling ends the account's sessions. */
    UserInfo updateUser(String jid, UserChanges changes);

    /** Removes the account; its sessions end. */
    void deleteUser(String jid);
}
