package dev.agentlocator.crm.users;

import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping
    @PreAuthorize(Roles.CAN_READ)
    Map<String, List<UserView>> list(CurrentUser caller) {
        return Map.of("items", users.list(caller.tenantId()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.CAN_MANAGE)
    CreatedUserView create(@Valid @RequestBody CreateUserRequest request, CurrentUser caller) {
        return users.create(caller.tenantId(), request);
    }

    @PostMapping("/{id}/reactivate")
    @PreAuthorize(Roles.CAN_MANAGE)
    UserView reactivate(@PathVariable UUID id, CurrentUser caller) {
        return users.reactivate(caller.tenantId(), id);
    }

    @PutMapping("/{id}/role")
    @PreAuthorize(Roles.CAN_MANAGE)
    UserView changeRole(@PathVariable UUID id, @Valid @RequestBody RoleRequest request, CurrentUser caller) {
        return users.changeRole(caller.tenantId(), id, request.role());
    }

    record RoleRequest(
            @jakarta.validation.constraints.NotBlank(message = "יש לבחור תפקיד")
            @jakarta.validation.constraints.Pattern(
                    regexp = "owner|agent|viewer",
                    message = "התפקיד חייב להיות owner, agent או viewer")
            String role) {}

    @PostMapping("/{id}/deactivate")
    @PreAuthorize(Roles.CAN_MANAGE)
    UserView deactivate(@PathVariable UUID id, CurrentUser caller) {
        return users.deactivate(caller.tenantId(), caller.userId(), id);
    }
}
