package dev.agentlocator.crm.auth;

import dev.agentlocator.crm.auth.AuthRequests.LoginRequest;
import dev.agentlocator.crm.auth.AuthRequests.RefreshRequest;
import dev.agentlocator.crm.auth.AuthRequests.SignupRequest;
import dev.agentlocator.crm.users.UserView;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final AuthService auth;
    private final ClientAddress clientAddress;

    AuthController(AuthService auth, ClientAddress clientAddress) {
        this.auth = auth;
        this.clientAddress = clientAddress;
    }

    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse signup(@Valid @RequestBody SignupRequest request) {
        return auth.signup(request);
    }

    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return auth.login(request, clientAddress.of(http));
    }

    @PostMapping("/refresh")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return auth.refresh(request.refreshToken());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody RefreshRequest request) {
        auth.logout(request.refreshToken());
    }

    /** Any valid access token, whatever the role: the SPA asks who it is before anything else. */
    @GetMapping("/me")
    UserView me(CurrentUser caller) {
        return auth.me(caller.tenantId(), caller.userId());
    }
}
