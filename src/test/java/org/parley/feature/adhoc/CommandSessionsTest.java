package org.parley.feature.adhoc;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError.Condition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommandSessionsTest {
    static final Requester ADMIN = new Requester(new JID("admin@example.org/desk"), true);
    static final Requester OTHER = new Requester(new JID("admin@example.org/phone"), true);

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Three stages: 0 asks (next), 1 asks (prev/complete), 2 completes; records the calls. */
    static class Wizard implements AdHocCommand {
        final List<CommandCall> calls = new ArrayList<>();

        @Override
        public String node() {
            return "wizard";
        }

        @Override
        public String name() {
            return "Wizard";
        }

        @Override
        public Stage execute(CommandCall call) throws CommandException {
            calls.add(call);
            if (call.form() != null && "bad".equals(call.form().value("v"))) {
                throw CommandException.badPayload("bad value");
            }
            return switch (call.stage()) {
                case 0 -> Stage.executing(DataForm.form(null), Action.NEXT, Set.of(Action.NEXT));
                case 1 -> Stage.executing(DataForm.form(null), Action.COMPLETE, Set.of(Action.PREV, Action.COMPLETE));
                default -> Stage.done("finished");
            };
        }
    }

    final TestClock clock = new TestClock();
    final CommandSessions sessions = new CommandSessions(clock, Duration.ofMinutes(10), 5, 3);
    final Wizard wizard = new Wizard();

    static DataForm submit(String value) {
        return new DataForm(DataForm.Type.SUBMIT).field("v", FieldType.TEXT_SINGLE, null, false, value);
    }

    static void assertError(CommandException e, Condition condition, String specific) {
        assertEquals(condition, e.condition());
        assertEquals(specific, e.specific());
    }

    @Test
    void walksThroughTheStagesWithExecuteResolvedToTheDefault() throws Exception {
        CommandSessions.Reply r0 = sessions.handle(wizard, ADMIN, "example.org", null, null, null);
        assertNotNull(r0.sessionId());
        assertEquals(Stage.Status.EXECUTING, r0.stage().status());
        assertEquals(1, sessions.size());

        CommandSessions.Reply r1 = sessions.handle(wizard, ADMIN, "example.org", r0.sessionId(), "execute", submit("a"));
        assertEquals(r0.sessionId(), r1.sessionId());
        assertEquals(1, wizard.calls.get(1).stage());
        assertEquals(Action.NEXT, wizard.calls.get(1).action());

        CommandSessions.Reply r2 = sessions.handle(wizard, ADMIN, "example.org", r0.sessionId(), "execute", submit("b"));
        assertEquals(Stage.Status.COMPLETED, r2.stage().status());
        assertEquals(Action.COMPLETE, wizard.calls.get(2).action());
        assertEquals(0, sessions.size(), "a completed session is gone");

        CommandException e = assertThrows(CommandException.class,
                () -> sessions.handle(wizard, ADMIN, "example.org", r0.sessionId(), null, null));
        assertError(e, Condition.bad_request, "bad-sessionid");
    }

    @Test
    void stateIsKeptAcrossStagesOfOneSession() throws Exception {
        CommandSessions.Reply r0 = sessions.handle(wizard, ADMIN, "example.org", null, null, null);
        wizard.calls.get(0).state().put("k", "v");
        sessions.handle(wizard, ADMIN, "example.org", r0.sessionId(), "next", submit("a"));
        assertEquals("v", wizard.calls.get(1).state().get("k"));
    }

    @Test
    void actionsNotAllowedAtTheStageAreBadAction() throws Exception {
        String id = sessions.handle(wizard, ADMIN, "example.org", null, null, null).sessionId();
        assertError(assertThrows(CommandException.class,
                () -> sessions.handle(wizard, ADMIN, "example.org", id, "complete", submit("a"))),
                Condition.bad_request, "bad-action");
        assertError(assertThrows(CommandException.class,
                () -> sessions.handle(wizard, ADMIN, "example.org", id, "prev", null)),
                Condition.bad_request, "bad-action");
        // the session is still usable
        assertEquals(Stage.Status.EXECUTING,
                sessions.handle(wizard, ADMIN, "example.org", id, "next", submit("a")).stage().status());
    }

    @Test
    void prevGoesBackOneStage() throws Exception {
        String id = sessions.handle(wizard, ADMIN, "example.org", null, null, null).sessionId();
        sessions.handle(wizard, ADMIN, "example.org", id, "next", submit("a"));
        sessions.handle(wizard, ADMIN, "example.org", id, "prev", null);
        CommandCall back = wizard.calls.get(2);
        assertEquals(0, back.stage());
        assertEquals(Action.PREV, back.action());
    }

    @Test
    void unknownActionIsMalformed() {
        assertError(assertThrows(CommandException.class,
                () -> sessions.handle(wizard, ADMIN, "example.org", null, "jump", null)),
                Condition.bad_request, "malformed-action");
        assertEquals(0, sessions.size());
    }

    @Test
    void cancelEndsTheSession() throws Exception {
        String id = sessions.handle(wizard, ADMIN, "example.org", null, null, null).sessionId();
        CommandSessions.Reply r = sessions.handle(wizard, ADMIN, "example.org", id, "cancel", null);
        assertEquals(Stage.Status.CANCELED, r.stage().status());
        assertEquals(id, r.sessionId());
        assertEquals(0, sessions.size());
        assertError(assertThrows(CommandException.class,
                () -> sessions.handle(wizard, ADMIN, "example.org", id, "next", null)),
                Condition.bad_request, "bad-sessionid");
    }

    @Test
    void cancelWithoutSessionIsHarmless() throws Exception {
        CommandSessions.Reply r = sessions.handle(wizard, ADMIN, "example.org", null, "cancel", null);
        assertEquals(Stage.Status.CANCELED, r.stage().status());
        assertNull(r.sessionId());
        assertEquals(0, wizard.calls.size());
    }

    @Test
    void aSessionBelongsToItsRequesterAndNode() throws Exception {
        String id = sessions.handle(wizard, ADMIN, "example.org", null, null, null).sessionId();
        assertError(assertThrows(CommandException.class,
                () -> sessions.handle(wizard, OTHER, "example.org", id, "next", null)),
                Condition.bad_request, "bad-sessionid");
        AdHocCommand other = new Wizard() {
            @Override
            public String node() {
                return "other";
            }
        };
        assertError(assertThrows(CommandException.class,
                () -> sessions.handle(other, ADMIN, "example.org", id, "next", null)),
                Condition.bad_request, "bad-sessionid");
    }

    @Test
    void idleSessionsExpire() throws Exception {
        String id = sessions.handle(wizard, ADMIN, "example.org", null, null, null).sessionId();
        clock.now = clock.now.plus(Duration.ofMinutes(9));
        sessions.handle(wizard, ADMIN, "example.org", id, "next", submit("a")); // use renews the session
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        assertError(assertThrows(CommandException.class,
                () -> sessions.handle(wizard, ADMIN, "example.org", id, "complete", submit("b"))),
                Condition.not_allowed, "session-expired");
        assertEquals(0, sessions.size());
    }

    @Test
    void errorsOfACommandKeepTheSessionAtItsStage() throws Exception {
        String id = sessions.handle(wizard, ADMIN, "example.org", null, null, null).sessionId();
        assertError(assertThrows(CommandException.class,
                () -> sessions.handle(wizard, ADMIN, "example.org", id, "next", submit("bad"))),
                Condition.bad_request, "bad-payload");
        CommandSessions.Reply r = sessions.handle(wizard, ADMIN, "example.org", id, "next", submit("good"));
        assertEquals(Set.of(Action.PREV, Action.COMPLETE), r.stage().actions());
    }

    @Test
    void aFailingFirstStageOpensNoSession() {
        assertThrows(CommandException.class,
                () -> sessions.handle(wizard, ADMIN, "example.org", null, null, submit("bad")));
        assertEquals(0, sessions.size());
    }

    @Test
    void sessionsAreBoundedPerRequesterAndOverall() throws Exception {
        for (int i = 0; i < 3; i++) {
            sessions.handle(wizard, ADMIN, "example.org", null, null, null);
        }
        assertError(assertThrows(CommandException.class,
                () -> sessions.handle(wizard, ADMIN, "example.org", null, null, null)), Condition.not_allowed, null);
        sessions.handle(wizard, OTHER, "example.org", null, null, null);
        sessions.handle(wizard, OTHER, "example.org", null, null, null);
        Requester third = new Requester(new JID("ops@example.org/x"), true);
        assertError(assertThrows(CommandException.class,
                () -> sessions.handle(wizard, third, "example.org", null, null, null)),
                Condition.resource_constraint, null);
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        sessions.handle(wizard, third, "example.org", null, null, null); // expired ones made room
        assertEquals(1, sessions.size());
    }

    @Test
    void stagesValidateTheirActions() {
        assertThrows(IllegalArgumentException.class,
                () -> Stage.executing(null, Action.NEXT, Set.of(Action.COMPLETE)));
        assertThrows(IllegalArgumentException.class,
                () -> Stage.executing(null, Action.EXECUTE, Set.of(Action.EXECUTE)));
        assertThrows(IllegalArgumentException.class,
                () -> new Stage(Stage.Status.COMPLETED, null, List.of(), Set.of(Action.NEXT), null));
    }
}
