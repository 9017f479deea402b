package dev.agentlocator.platform.kit.outbox;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.security.Roles;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
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
 * Operators' view of this service's parked outbox rows. Platform admins only, checked here and at the
 * gateway, which serves it as {@code /api/admin/<service>/outbox/parked} (ADR 0026,
 * {@code scripts/messaging-admin.sh}).
 */
@RestController
@RequestMapping("/api/admin/outbox/parked")
@PreAuthorize(Roles.IS_ADMIN)
public class ParkedEventsController {

    record ParkedList(List<ParkedEvent> items, long total) {}

    record Requeued(int requeued) {}

    private final ParkedEvents parked;

    ParkedEventsController(ParkedEvents parked) {
        this.parked = parked;
    }

    @GetMapping
    ParkedList list(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return new ParkedList(parked.list(limit), parked.count());
    }

    @GetMapping("/{id}")
    ParkedEvent show(@PathVariable UUID id) {
        return parked.find(id).orElseThrow(ApiException::notFound);
    }

    @PostMapping("/{id}/requeue")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void requeue(@PathVariable UUID id) {
        if (!parked.requeue(id)) {
            throw ApiException.notFound();
        }
    }

    @PostMapping("/requeue")
    Requeued requeueAll() {
        return new Requeued(parked.requeueAll());
    }
}
