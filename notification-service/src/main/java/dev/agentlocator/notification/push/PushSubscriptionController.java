package dev.agentlocator.notification.push;

import dev.agentlocator.notification.push.PushRequests.SubscribeRequest;
import dev.agentlocator.notification.push.PushRequests.SubscriptionView;
import dev.agentlocator.notification.push.PushRequests.UnsubscribeRequest;
import dev.agentlocator.notification.push.PushRequests.VapidPublicKey;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Web Push subscriptions of the caller's browsers, and the public key the SPA subscribes with. */
@RestController
@RequestMapping("/api/notifications")
class PushSubscriptionController {

    private final PushSubscriptionService subscriptions;
    private final VapidKeys vapid;

    PushSubscriptionController(PushSubscriptionService subscriptions, VapidKeys vapid) {
        this.subscriptions = subscriptions;
        this.vapid = vapid;
    }

    /** Public (no token): the key is public by nature and the SPA needs it early. */
    @GetMapping("/vapid-public-key")
    VapidPublicKey vapidPublicKey() {
        return new VapidPublicKey(vapid.publicKey());
    }

    @PostMapping("/subscribe")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.CAN_READ)
    SubscriptionView subscribe(@Valid @RequestBody SubscribeRequest request, CurrentUser caller) {
        return new SubscriptionView(
                subscriptions.subscribe(caller, request).toString(),
                request.endpoint().strip());
    }

    @DeleteMapping("/subscribe")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Roles.CAN_READ)
    void unsubscribe(@Valid @RequestBody UnsubscribeRequest request, CurrentUser caller) {
        subscriptions.unsubscribe(caller, request.endpoint());
    }
}
