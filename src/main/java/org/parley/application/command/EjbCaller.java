package org.parley.application.command;

import org.xmpp.packet.JID;

import java.security.Principal;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who calls a business interface of org.parley.api: the Parley account the container authenticated the call
 * as (an application that propagates its user's identity, or a console login), with that account's admin flag;
 * a call without a Parley identity (anonymous, or a principal that names no Parley account) is trusted code of
 * the same server and runs as {@link Caller#SYSTEM} (docs/ejb.md).
 */
public final class EjbCaller {
    private EjbCaller() {
    }

    /** @param adminFlag the admin flag of an existing account (enabled and admin), empty if there is none */
    public static Caller of(Principal principal, Function<JID, Optional<Boolean>> adminFlag) {
        String name = principal == null ? null : principal.getName();
        if (name == null || name.indexOf('@') < 0) {
            return Caller.SYSTEM;
        }
        JID jid;
        try {
            jid = new JID(name).asBareJID();
        } catch (IllegalArgumentException e) {
            return Caller.SYSTEM;
        }
        return adminFlag.apply(jid).map(admin -> Caller.account(jid, admin)).orElse(Caller.SYSTEM);
    }
}
