package dev.agentlocator.notification.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.notification.DueAlertLateness;
import dev.agentlocator.notification.TaskDueAlert;
import dev.agentlocator.testkit.MutableClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PendingAlertsTest {

    private static final Instant START = Instant.parse("2027-03-28T00:30:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final List<String> sent = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PendingAlerts alerts = new PendingAlerts(
            clock,
            new RealtimeProperties(Duration.ofMinutes(5)),
            (session, message) -> sent.add(session + " " + message.title()),
            new DueAlertLateness(clock, meters));

    private final UUID tenant = UUID.randomUUID();
    private final UUID dana = UUID.randomUUID();
    private final String danasUser = StompPrincipal.nameOf(tenant, dana);

    @Test
    void anAlertSentAsItFiresIsMeasuredFromItsDueTimeOnceAndAReplayIsNot() {
        alerts.goLive();
        alerts.subscribed("tab-1", danasUser);
        alerts.subscribed("tab-2", danasUser);
        clock.advance(Duration.ofMillis(400));

        alerts.fired(alert("לשלוח הצעה", dana), clock.instant());

        Timer socket = meters.get("agentlocator.due.alert.lateness")
                .tag("channel", "socket")
                .timer();
        assertThat(socket.count()).as("one alert, however many tabs").isEqualTo(1);
        assertThat(socket.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(400);

        clock.advance(Duration.ofMinutes(2));
        alerts.subscribed("tab-3", danasUser);
        assertThat(sent).hasSize(3);
        assertThat(socket.count())
                .as("a tab that opened later is not our lateness")
                .isEqualTo(1);
    }

    @Test
    void aTabThatSubscribesGetsWhatStillStandsForItsUserOnce() {
        alerts.goLive();
        alerts.fired(alert("להתקשר לאבי", dana), START);
        alerts.fired(alert("של מישהו אחר", UUID.randomUUID()), START);
        alerts.fired(alert("של דנה בעסק אחר", dana, UUID.randomUUID()), START);
        clock.advance(Duration.ofMinutes(2));

        alerts.subscribed("tab-1", danasUser);
        alerts.subscribed("tab-1", danasUser); // a second subscription of the same session

        assertThat(sent).containsExactly("tab-1 להתקשר לאבי");
    }

    @Test
    void anAlertGoesOutOnceToEveryTabOfItsUserAsItFires() {
        alerts.goLive();
        alerts.subscribed("tab-1", danasUser);
        alerts.subscribed("tab-2", danasUser);
        alerts.subscribed("someone-else", StompPrincipal.nameOf(tenant, UUID.randomUUID()));

        TaskDueAlert due = alert("לשלוח הצעה", dana);
        alerts.fired(due, START);
        alerts.fired(due, START); // the same record read twice

        assertThat(sent).containsExactlyInAnyOrder("tab-1 לשלוח הצעה", "tab-2 לשלוח הצעה");
        alerts.disconnected("tab-1");
        alerts.subscribed("tab-3", danasUser);
        assertThat(sent).hasSize(3).contains("tab-3 לשלוח הצעה");
    }

    @Test
    void whileCatchingUpNothingIsSentAndATaskDoneMeanwhileIsNeverShown() {
        alerts.holdBack();
        alerts.subscribed("tab-1", danasUser);
        TaskDueAlert done = alert("בוצעה בזמן ההפעלה מחדש", dana);
        TaskDueAlert stillDue = alert("עדיין ממתינה", dana);
        alerts.fired(done, START);
        alerts.fired(stillDue, START);
        alerts.changed(new TaskChange(done.taskId(), TaskChange.DONE, dana, done.dueAt()));
        assertThat(sent).isEmpty();

        alerts.goLive();

        assertThat(sent).containsExactly("tab-1 עדיין ממתינה");
    }

    @Test
    void snoozingOrReassigningClearsAnAlertAndOtherEditsDoNot() {
        alerts.goLive();
        TaskDueAlert snoozed = alert("נדחתה", dana);
        TaskDueAlert reassigned = alert("הועברה", dana);
        TaskDueAlert renamed = alert("שם חדש", dana);
        alerts.fired(snoozed, START);
        alerts.fired(reassigned, START);
        alerts.fired(renamed, START);

        alerts.changed(
                new TaskChange(snoozed.taskId(), "open", dana, snoozed.dueAt().plusMinutes(10)));
        alerts.changed(new TaskChange(reassigned.taskId(), "open", UUID.randomUUID(), reassigned.dueAt()));
        alerts.changed(new TaskChange(
                renamed.taskId(), "in_progress", dana, renamed.dueAt().withOffsetSameInstant(ZoneOffset.ofHours(3))));
        alerts.subscribed("tab-1", danasUser);

        assertThat(sent).containsExactly("tab-1 שם חדש");
    }

    @Test
    void anAlertOlderThanTheWindowNoLongerStands() {
        alerts.goLive();
        alerts.fired(alert("ישנה מדי", dana), START.minus(Duration.ofMinutes(6)));
        alerts.fired(alert("טרייה", dana), START);
        clock.advance(Duration.ofMinutes(4));
        alerts.subscribed("tab-1", danasUser);
        assertThat(sent).containsExactly("tab-1 טרייה");

        clock.advance(Duration.ofMinutes(2));
        alerts.subscribed("tab-2", danasUser);
        assertThat(sent).as("five minutes have passed").containsExactly("tab-1 טרייה");
    }

    private TaskDueAlert alert(String title, UUID assignee) {
        return alert(title, assignee, tenant);
    }

    private static TaskDueAlert alert(String title, UUID assignee, UUID tenantId) {
        return new TaskDueAlert(
                UUID.randomUUID(),
                tenantId,
                assignee,
                UUID.randomUUID(),
                title,
                null,
                null,
                null,
                OffsetDateTime.ofInstant(START, ZoneOffset.UTC));
    }
}
