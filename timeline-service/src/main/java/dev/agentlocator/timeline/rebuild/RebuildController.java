package dev.agentlocator.timeline.rebuild;

import dev.agentlocator.platform.kit.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' endpoint: rebuild every tenant's projection from the topics. Platform admins only;
 * through the gateway at {@code /api/admin/timeline/rebuild} (ADR 0026).
 */
@RestController
@RequestMapping("/api/admin/rebuild")
@PreAuthorize(Roles.IS_ADMIN)
class RebuildController {

    private final RebuildService rebuild;

    RebuildController(RebuildService rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    RebuildStatus start() {
        return rebuild.start();
    }

    @GetMapping
    RebuildStatus status() {
        return rebuild.current();
    }
}
