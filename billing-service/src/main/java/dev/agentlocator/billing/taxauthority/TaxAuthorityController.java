package dev.agentlocator.billing.taxauthority;

import dev.agentlocator.billing.allocation.AllocationProvider;
import dev.agentlocator.billing.taxauthority.TaxAuthorityConnections.Started;
import dev.agentlocator.billing.taxauthority.TaxAuthorityConnections.Status;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The owner connects the business to the Tax Authority once: {@code POST connect} gives the URL to send
 * the browser to; the Tax Authority returns the browser to the registered redirect URI (a page of the
 * SPA) with {@code code} and {@code state}, which the SPA posts to {@code callback}.
 */
@RestController
@RequestMapping({"/api/invoices/settings/tax-authority", "/api/billing/settings/tax-authority"})
@PreAuthorize(Roles.OWNER_ONLY)
class TaxAuthorityController {

    record CallbackRequest(
            @NotBlank(message = "חסר הקוד שהחזירה רשות המסים") @Size(max = 4096, message = "הקוד ארוך מדי")
            String code,

            @NotBlank(message = "חסר מזהה הבקשה (state)") @Size(max = 256, message = "מזהה הבקשה ארוך מדי")
            String state) {}

    private final TaxAuthorityConnections connections;
    private final AllocationProvider provider;

    TaxAuthorityController(TaxAuthorityConnections connections, AllocationProvider provider) {
        this.connections = connections;
        this.provider = provider;
    }

    @GetMapping
    @Operation(
            summary = "Which allocation provider is active (sandbox or tax_authority), whether the business is"
                    + " connected, and when its consent (refresh token) expires")
    Status status(CurrentUser caller) {
        return connections.status(caller.tenantId(), provider.name());
    }

    @PostMapping("/connect")
    @Operation(summary = "Starts the connection: the Tax Authority's authorization URL, with a single-use state")
    Started connect(CurrentUser caller) {
        return connections.start(caller.tenantId(), caller.userId());
    }

    @PostMapping("/callback")
    @Operation(summary = "Completes the connection with the code and state the Tax Authority returned")
    Status callback(@Valid @RequestBody CallbackRequest request, CurrentUser caller) {
        return connections.complete(
                caller.tenantId(), caller.userId(), request.code(), request.state(), provider.name());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Forgets the business's Tax Authority tokens")
    void disconnect(CurrentUser caller) {
        connections.disconnect(caller.tenantId());
    }
}
