package dev.agentlocator.notification.realtime;

import dev.agentlocator.notification.DueAlertLateness;
import dev.agentlocator.notification.TaskDueAlert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The due alerts of the last few minutes that still stand, and the sessions of this instance that
 * listen for them. A session gets every standing alert of its user when it subscribes (a tab that
 * reconnected after a restart, or opened just after the alert fired) and each new one as it fires,
 * and never the same alert twice. Until {@link #goLive()} (this instance has caught up with the
 * alerts that fired while it was away) nothing is sent, so that an alert whose task was done in the
 * meantime is never shown.
 */
@Component
class PendingAlerts {

    /** Hands one message to one STOMP session. */
    @FunctionalInterface
    interface Delivery {
        void toSession(String sessionId, TaskDueMessage message);
    }

    private record Pending(TaskDueAlert alert, Instant firedAt) {}

    private final Clock clock;
    private final Duration window;
    private final Delivery delivery;
    private final DueAlertLateness lateness;

    /** By task: a task has one standing alert at most, its latest. */
    private final Map<UUID, Pending> pending = new LinkedHashMap<>();
    /** Subscribed sessions by user (the principal's name: tenant and user). */
    private final Map<String, Set<String>> sessionsByUser = new HashMap<>();

    private final Map<String, String> userBySession = new HashMap<>();
    /** Alert ids each session has been sent. */
    private final Map<String, Set<UUID>> sent = new HashMap<>();

    private boolean live;

    PendingAlerts(Clock clock, RealtimeProperties properties, Delivery delivery, DueAlertLateness lateness) {
        this.clock = clock;
        this.window = properties.replayWindow();
        this.delivery = delivery;
        this.lateness = lateness;
    }

    /** A {@code task.due} event: the alert stands from {@code firedAt} on, for a few minutes. */
    synchronized void fired(TaskDueAlert alert, Instant firedAt) {
        forgetExpired();
        if (firedAt.isBefore(oldestStanding())) {
            return;
        }
        var standing = new Pending(alert, firedAt);
        pending.put(alert.taskId(), standing);
        if (live) {
            Set<String> sessions = sessionsByUser.getOrDefault(userOf(alert), Set.of());
            boolean sentNow = false;
            for (String session : sessions) {
                sentNow |= deliver(session, standing);
            }
            if (sentNow) {
                lateness.sent(DueAlertLateness.Channel.SOCKET, alert);
            }
        }
    }

    /** Any other task event: an alert of a task now done, snoozed, moved or reassigned no longer stands. */
    synchronized void changed(TaskChange change) {
        Pending standing = pending.get(change.taskId());
        if (standing != null && !change.keepsDue(standing.alert())) {
            pending.remove(change.taskId());
        }
    }

    /** A session of {@code user} subscribed to its alerts: it gets what stands for the user. */
    synchronized void subscribed(String sessionId, String user) {
        if (userBySession.putIfAbsent(sessionId, user) != null) {
            return; // a second subscription of the same session gets the same messages anyway
        }
        sessionsByUser.computeIfAbsent(user, u -> new HashSet<>()).add(sessionId);
        if (live) {
            forgetExpired();
            pending.values().stream()
                    .filter(p -> userOf(p.alert()).equals(user))
                    .forEach(p -> deliver(sessionId, p));
        }
    }

    synchronized void disconnected(String sessionId) {
        String user = userBySession.remove(sessionId);
        if (user != null) {
            Set<String> sessions = sessionsByUser.get(user);
            sessions.remove(sessionId);
            if (sessions.isEmpty()) {
                sessionsByUser.remove(user);
            }
        }
        sent.remove(sessionId);
    }

    /** Stops sending while this instance catches up with alerts that fired while it was away. */
    synchronized void holdBack() {
        live = false;
    }

    /** Caught up: every session gets what stands for its user, and new alerts go out as they fire. */
    synchronized void goLive() {
        if (live) {
            return;
        }
        live = true;
        forgetExpired();
        for (Pending standing : pending.values()) {
            for (String session : sessionsByUser.getOrDefault(userOf(standing.alert()), Set.of())) {
                deliver(session, standing);
            }
        }
    }

    /** @return whether it was sent now, i.e. not to this session before */
    private boolean deliver(String sessionId, Pending standing) {
        if (sent.computeIfAbsent(sessionId, s -> new HashSet<>())
                .add(standing.alert().id())) {
            delivery.toSession(sessionId, TaskDueMessage.of(standing.alert()));
            return true;
        }
        return false;
    }

    private void forgetExpired() {
        Instant oldest = oldestStanding();
        if (pending.values().removeIf(p -> p.firedAt().isBefore(oldest))) {
            Set<UUID> standing = new HashSet<>();
            pending.values().forEach(p -> standing.add(p.alert().id()));
            // An expired alert can never be sent again, so no session needs to remember it.
            sent.values().forEach(ids -> ids.retainAll(standing));
        }
    }

    private Instant oldestStanding() {
        return clock.instant().minus(window);
    }

    private static String userOf(TaskDueAlert alert) {
        return StompPrincipal.nameOf(alert.tenantId(), alert.assigneeId());
    }
}
