package org.parley.feature.adhoc;

import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError.Condition;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The XEP-0050 session state machine, free of XML and transport: opens sessions, resolves actions against the
 * stage's allowed ones, ends sessions on completion or cancel, and expires idle ones. Bounded in number,
 * overall and per requester.
 */
public final class CommandSessions {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The reply to one request: the session id (null if none was opened) and the stage to render. */
    public record Reply(String sessionId, Stage stage) {
    }

    private static final class Session {
        final String id;
        final String node;
        final JID owner;
        final Map<String, Object> state = new HashMap<>();
        int stage;
        Stage last;
        volatile Instant lastUsed;
        boolean ended;

        Session(String id, String node, JID owner, Instant now) {
            this.id = id;
            this.node = node;
            this.owner = owner;
            this.lastUsed = now;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration timeout;
    private final int maxSessions;
    private final int maxPerRequester;

    public CommandSessions(Clock clock, Duration timeout, int maxSessions, int maxPerRequester) {
        this.clock = clock;
        this.timeout = timeout;
        this.maxSessions = maxSessions;
        this.maxPerRequester = maxPerRequester;
    }

    public CommandSessions() {
        this(Clock.systemUTC(), DEFAULT_TIMEOUT, 1000, 20);
    }

    /**
     * Handles one &lt;command/&gt; request for {@code command}.
     *
     * @param sessionId the request's sessionid attribute, or null
     * @param action    the request's action attribute, or null (= execute)
     * @param form      the submitted data form, or null
     */
    public Reply handle(AdHocCommand command, Requester who, String domain, String sessionId, String action,
                        DataForm form) throws CommandException {
        Action requested = action == null || action.isEmpty() ? Action.EXECUTE : Action.parse(action);
        if (requested == null) {
            throw new CommandException(Condition.bad_request, "malformed-action", "unknown action: " + action);
        }
        if (sessionId == null || sessionId.isEmpty()) {
            return start(command, who, domain, requested, form);
        }
        Session s = sessions.get(sessionId);
        if (s == null || !s.node.equals(command.node()) || !s.owner.equals(who.jid())) {
            throw new CommandException(Condition.bad_request, "bad-sessionid", "no such session");
        }
        synchronized (s) {
            if (s.ended) {
                throw new CommandException(Condition.bad_request, "bad-sessionid", "no such session");
            }
            if (expired(s, clock.instant())) {
                end(s);
                throw new CommandException(Condition.not_allowed, "session-expired", "the session timed out");
            }
            if (requested == Action.CANCEL) {
                end(s);
                return new Reply(s.id, Stage.canceled());
            }
            Action resolved = requested == Action.EXECUTE ? s.last.execute() : requested;
            if (!s.last.actions().contains(resolved) || (resolved == Action.PREV && s.stage == 0)) {
                throw new CommandException(Condition.bad_request, "bad-action",
                        resolved.xml() + " is not allowed at this stage");
            }
            int next = resolved == Action.PREV ? s.stage - 1 : s.stage + 1;
            return step(s, command, who, domain, next, resolved, form);
        }
    }

    private Reply start(AdHocCommand command, Requester who, String domain, Action requested, DataForm form)
            throws CommandException {
        if (requested == Action.CANCEL) {
            return new Reply(null, Stage.canceled()); // nothing to cancel
        }
        if (requested == Action.PREV) {
            throw new CommandException(Condition.bad_request, "bad-action", "no previous stage");
        }
        Session s = open(command.node(), who.jid());
        synchronized (s) {
            try {
                return step(s, command, who, domain, 0, Action.EXECUTE, form);
            } finally {
                if (s.last == null) {
                    end(s); // the first stage failed: nothing to continue
                }
            }
        }
    }

    private Reply step(Session s, AdHocCommand command, Requester who, String domain, int stage, Action action,
                       DataForm form) throws CommandException {
        Stage result = command.execute(new CommandCall(who, domain, stage, action, form, s.state));
        if (result.status() == Stage.Status.EXECUTING) {
            s.stage = stage;
            s.last = result;
            s.lastUsed = clock.instant();
        } else {
            end(s);
        }
        return new Reply(s.id, result);
    }

    private Session open(String node, JID owner) throws CommandException {
        Instant now = clock.instant();
        if (sessions.size() >= maxSessions) {
            purgeExpired();
        }
        if (sessions.size() >= maxSessions) {
            throw new CommandException(Condition.resource_constraint, "too many command sessions");
        }
        long mine = sessions.values().stream().filter(x -> x.owner.equals(owner) && !expired(x, now)).count();
        if (mine >= maxPerRequester) {
            throw new CommandException(Condition.not_allowed, "too many open command sessions");
        }
        Session s = new Session(newId(), node, owner, now);
        sessions.put(s.id, s);
        return s;
    }

    private void end(Session s) {
        s.ended = true;
        sessions.remove(s.id);
    }

    private boolean expired(Session s, Instant now) {
        return s.lastUsed.plus(timeout).isBefore(now);
    }

    /** Drops sessions idle longer than the timeout; also called periodically by the module. */
    public void purgeExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
    }

    public int size() {
        return sessions.size();
    }

    private static String newId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
