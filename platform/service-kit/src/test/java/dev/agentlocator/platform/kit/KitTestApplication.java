package dev.agentlocator.platform.kit;

import dev.agentlocator.platform.kit.testapp.NoteService;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal service built on the kit, to test the kit as a service uses it. It scans only the test
 * app: the kit's own beans must arrive through auto-configuration, as they do in a service.
 */
@SpringBootApplication(scanBasePackageClasses = NoteService.class)
public class KitTestApplication {}
