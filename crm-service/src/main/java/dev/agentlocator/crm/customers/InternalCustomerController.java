package dev.agentlocator.crm.customers;

import dev.agentlocator.crm.customers.CustomerRequests.ResolveRequest;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * For other services only (a service token, see ADR 0004); the gateway does not route
 * {@code /internal/**}. The tenant comes from the token like everywhere else.
 */
@RestController
class InternalCustomerController {

    private final CustomerService customers;

    InternalCustomerController(CustomerService customers) {
        this.customers = customers;
    }

    @PostMapping("/internal/customers/resolve")
    @PreAuthorize(Roles.IS_SERVICE)
    CustomerService.ResolvedCustomer resolve(@Valid @RequestBody ResolveRequest request, CurrentUser caller) {
        return customers.resolve(caller.tenantId(), request.phone(), request.source(), request.name());
    }
}
