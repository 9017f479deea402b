package dev.agentlocator.platform.kit.testapp;

import dev.agentlocator.platform.kit.features.RequiresFeature;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiresFeature("whatsapp")
class FeatureGuardedController {

    @GetMapping("/test/whatsapp")
    Map<String, Object> whatsapp() {
        return Map.of("ok", true);
    }

    @GetMapping("/test/stats")
    @RequiresFeature("stats")
    Map<String, Object> stats() {
        return Map.of("ok", true);
    }
}
