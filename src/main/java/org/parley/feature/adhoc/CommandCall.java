package org.parley.feature.adhoc;

import java.util.Map;

/**
 * One step of a command session as the command sees it.
 *
 * @param requester who runs it
 * @param domain    the served domain the command was sent to
 * @param stage     0 for the first request, then +1 for each next/complete and -1 for prev
 * @param action    EXECUTE on the first request, afterwards the resolved NEXT, COMPLETE or PREV
 * @param form      the submitted data form, or null
 * @param state     values the command keeps between the stages of one session
 */
public record CommandCall(Requester requester, String domain, int stage, Action action, DataForm form,
                          Map<String, Object> state) {
}
