package dev.agentlocator.crm.auth;

import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The owner invites a colleague by email; they choose their own password (ADR 0031). */
@RestController
class InvitationController {

    record InvitationRequest(
            @NotBlank(message = "יש להזין שם") @Size(max = 200, message = "השם ארוך מדי")
            String name,

            @NotBlank(message = "יש להזין כתובת אימייל")
            @Email(message = "כתובת האימייל אינה תקינה")
            @Size(max = 254, message = "כתובת האימייל ארוכה מדי")
            String email,

            @Pattern(regexp = "agent|viewer", message = "התפקיד חייב להיות agent או viewer")
            String role) {}

    private final AccountService accounts;

    InvitationController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/users/invitations")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize(Roles.CAN_MANAGE)
    void invite(@Valid @RequestBody InvitationRequest request, CurrentUser caller) {
        accounts.invite(
                caller.tenantId(),
                caller.userId(),
                request.name(),
                request.email(),
                request.role() == null ? dev.agentlocator.crm.users.Roles.AGENT : request.role());
    }
}
