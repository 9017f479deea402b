package dev.agentlocator.crm.auth;

import dev.agentlocator.crm.auth.AuthRequests.ChangeEmailRequest;
import dev.agentlocator.crm.auth.AuthRequests.ChangePasswordRequest;
import dev.agentlocator.crm.auth.AuthRequests.EmailRequest;
import dev.agentlocator.crm.auth.AuthRequests.NewPasswordRequest;
import dev.agentlocator.crm.auth.AuthRequests.TokenRequest;
import dev.agentlocator.platform.kit.security.CurrentUser;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-service accounts (ADR 0031). The link endpoints (verify, resend, forgot, reset, confirm
 * email, accept invitation) are public; the profile endpoints need the user's own token.
 */
@RestController
@RequestMapping("/api/auth")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/verify-email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verifyEmail(@Valid @RequestBody TokenRequest request) {
        accounts.verifyEmail(request.token());
    }

    /** Always 202: the answer does not tell whether the address has an account. */
    @PostMapping("/verify-email/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resendVerification(@Valid @RequestBody EmailRequest request) {
        accounts.resendVerification(request.email());
    }

    /** Always 202: the answer does not tell whether the address has an account. */
    @PostMapping("/password/forgot")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void forgotPassword(@Valid @RequestBody EmailRequest request) {
        accounts.forgotPassword(request.email());
    }

    @PostMapping("/password/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@Valid @RequestBody NewPasswordRequest request) {
        accounts.resetPassword(request.token(), request.password());
    }

    @PostMapping("/email/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmEmail(@Valid @RequestBody TokenRequest request) {
        accounts.confirmEmailChange(request.token());
    }

    @PostMapping("/invitations/accept")
    TokenResponse acceptInvitation(@Valid @RequestBody NewPasswordRequest request) {
        return accounts.acceptInvitation(request.token(), request.password());
    }

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@Valid @RequestBody ChangePasswordRequest request, CurrentUser caller) {
        accounts.changePassword(caller.tenantId(), caller.userId(), request.currentPassword(), request.newPassword());
    }

    @PostMapping("/email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void changeEmail(@Valid @RequestBody ChangeEmailRequest request, CurrentUser caller) {
        accounts.requestEmailChange(caller.tenantId(), caller.userId(), request.currentPassword(), request.newEmail());
    }

    @GetMapping("/sessions")
    Map<String, List<RefreshTokenRepository.Session>> sessions(CurrentUser caller) {
        return Map.of("items", accounts.sessions(caller.tenantId(), caller.userId()));
    }

    @DeleteMapping("/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void endSession(@PathVariable UUID id, CurrentUser caller) {
        accounts.endSession(caller.tenantId(), caller.userId(), id);
    }

    @PostMapping("/sessions/sign-out-everywhere")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void signOutEverywhere(CurrentUser caller) {
        accounts.signOutEverywhere(caller.tenantId(), caller.userId());
    }
}
