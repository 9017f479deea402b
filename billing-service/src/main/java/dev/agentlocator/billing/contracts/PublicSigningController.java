package dev.agentlocator.billing.contracts;

import dev.agentlocator.billing.contracts.ContractRequests.SignRequest;
import dev.agentlocator.billing.contracts.SigningService.SigningView;
import dev.agentlocator.platform.kit.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signing page's API: no login, the one-time token is the only key (public in application.yml). */
@RestController
@PublicRateLimited
@RequestMapping("/api/public/sign/{token}")
class PublicSigningController {

    private final SigningService signing;
    private final ClientAddress clientAddress;

    PublicSigningController(SigningService signing, ClientAddress clientAddress) {
        this.signing = signing;
        this.clientAddress = clientAddress;
    }

    @GetMapping
    SigningView view(@PathVariable String token) {
        return signing.view(token);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void sign(@PathVariable String token, @Valid @RequestBody SignRequest request, HttpServletRequest http) {
        signing.sign(token, request, clientAddress.of(http), http.getHeader(HttpHeaders.USER_AGENT));
    }

    @PostMapping("/decline")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void decline(@PathVariable String token) {
        signing.decline(token);
    }
}
