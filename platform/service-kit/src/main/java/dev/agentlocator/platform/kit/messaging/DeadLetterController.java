package dev.agentlocator.platform.kit.messaging;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.security.Roles;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' command for this service's dead letters: list, inspect, replay through this service's
 * own handler, dismiss. Platform admins only, checked here and at the gateway, which serves it as
 * {@code /api/admin/<service>/dead-letters} (ADR 0026, {@code scripts/messaging-admin.sh}).
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@PreAuthorize(Roles.IS_ADMIN)
public class DeadLetterController {

    record DeadLetterList(List<DeadLetter> items, long pending, long total) {}

    record ReplayReport(long replayed, long failed, List<DeadLetters.Replay> outcomes) {}

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Oldest first; {@code state=all} includes the replayed and dismissed ones. */
    @GetMapping
    DeadLetterList list(
            @RequestParam(defaultValue = DeadLetter.PENDING) String state,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        boolean all = switch (state) {
            case DeadLetter.PENDING -> false;
            case "all" -> true;
            default ->
                throw new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "invalid_parameter",
                        "הערך של state חייב להיות pending או all",
                        Map.of("parameter", "state"));
        };
        List<DeadLetter> letters = deadLetters.list();
        long pending = letters.stream().filter(DeadLetter::pending).count();
        return new DeadLetterList(
                letters.stream().filter(l -> all || l.pending()).limit(limit).toList(), pending, letters.size());
    }

    @GetMapping("/{topic}/{partition}/{offset}")
    DeadLetters.Detail show(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        return deadLetters.find(topic, partition, offset).orElseThrow(ApiException::notFound);
    }

    @PostMapping("/{topic}/{partition}/{offset}/replay")
    DeadLetters.Replay replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        return deadLetters.replay(topic, partition, offset).orElseThrow(ApiException::notFound);
    }

    @PostMapping("/{topic}/{partition}/{offset}/dismiss")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void dismiss(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        if (!deadLetters.dismiss(topic, partition, offset)) {
            throw ApiException.notFound();
        }
    }

    /** Every pending dead letter, oldest first; one that fails again stays pending. */
    @PostMapping("/replay")
    ReplayReport replayAll() {
        List<DeadLetters.Replay> outcomes = deadLetters.replayPending();
        long replayed = outcomes.stream().filter(DeadLetters.Replay::succeeded).count();
        return new ReplayReport(replayed, outcomes.size() - replayed, outcomes);
    }
}
