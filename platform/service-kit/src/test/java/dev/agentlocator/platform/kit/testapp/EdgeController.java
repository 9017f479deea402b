package dev.agentlocator.platform.kit.testapp;

import dev.agentlocator.platform.kit.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public routes that say who called and count how often a handler actually ran. */
@RestController
public class EdgeController {

    public static final AtomicInteger HANDLED = new AtomicInteger();

    private final ClientAddress clientAddress;

    EdgeController(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    @RequestMapping("/test/public/webhook/incoming_call")
    Map<String, Object> webhook() {
        HANDLED.incrementAndGet();
        return Map.of("handled", true);
    }

    /** A JSON answer of about {@code length} characters. */
    @RequestMapping("/test/public/text")
    Map<String, Object> text(@RequestParam int length) {
        return Map.of("text", "א".repeat(Math.min(length, 100_000)));
    }

    @RequestMapping("/test/public/whoami")
    Map<String, Object> whoami(HttpServletRequest request) {
        return Map.of("clientAddress", clientAddress.of(request), "peer", request.getRemoteAddr());
    }
}
