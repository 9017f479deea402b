package dev.agentlocator.tasks.tasks;

import static dev.agentlocator.tasks.tasks.TasksIT.create;
import static dev.agentlocator.tasks.tasks.TasksIT.titles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.tasks.Agent;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * "Today", "this week" and overdue are the business's calendar (Asia/Jerusalem, weeks from Sunday),
 * told by the service's clock, here fixed at the last minute of a week that Israel's summer time
 * began in (Friday 2027-03-26, 02:00 → 03:00): the edges are where a wall-clock test would fail.
 */
@ServiceIntegrationTest
class TaskRangesIT {

    /** Saturday 2027-03-27, 23:59 in Israel (UTC+3 since Friday). */
    static final OffsetDateTime NOW = OffsetDateTime.parse("2027-03-27T23:59:00+03:00");

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW.toInstant(), ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void todayThisWeekAndOverdueFollowTheBusinessCalendarAtItsEdges() {
        var owner = Agent.ownerOfNewTenant(port);
        create(owner, "שבוע שעבר", OffsetDateTime.parse("2027-03-20T12:00:00+02:00"), null, "call", "low", null);
        create(owner, "ראשון בבוקר", OffsetDateTime.parse("2027-03-21T00:30:00+02:00"), null, "call", "low", null);
        create(owner, "לפני שינוי השעון", OffsetDateTime.parse("2027-03-26T01:30:00+02:00"), null, "call", "low", null);
        create(owner, "עוד חצי דקה", NOW.plusSeconds(30), null, "call", "low", null);
        create(owner, "אחרי חצות", NOW.plusSeconds(90), null, "call", "low", null);

        assertThat(titles(owner, "range=today")).containsExactly("עוד חצי דקה");
        assertThat(titles(owner, "range=week")).containsExactly("ראשון בבוקר", "לפני שינוי השעון", "עוד חצי דקה");
        assertThat(titles(owner, "range=overdue")).containsExactly("שבוע שעבר", "ראשון בבוקר", "לפני שינוי השעון");
        assertThat(titles(owner, "range=all")).hasSize(5);

        var summary = owner.api().get("/api/tasks/summary");
        assertThat(summary.<Integer>json("$.open")).isEqualTo(5);
        assertThat(summary.<Integer>json("$.overdue")).isEqualTo(3);
        assertThat(summary.<Integer>json("$.today")).isEqualTo(1);
        assertThat(summary.<Integer>json("$.thisWeek")).isEqualTo(3);
    }

    @Test
    void aSnoozeMovesTheDueTimeFromTheServicesNow() {
        var owner = Agent.ownerOfNewTenant(port);
        String id = create(owner, "לדחות", NOW.minusMinutes(1), null, "call", "low", null);

        var snoozed = owner.api().post("/api/tasks/" + id + "/snooze", "{\"minutes\":15}");

        assertThat(OffsetDateTime.parse(snoozed.<String>json("$.dueAt")).toInstant())
                .isEqualTo(NOW.plusMinutes(15).toInstant());
        assertThat(titles(owner, "range=today")).as("past midnight: tomorrow").doesNotContain("לדחות");
    }
}
