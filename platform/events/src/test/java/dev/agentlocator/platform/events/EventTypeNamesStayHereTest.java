package dev.agentlocator.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An event's type name is written once, in its enum here: producers and consumers name the
 * constant, so reading imports leads from one to the other (ADR 0020). Tests may still spell the
 * names out, since they pin the wire format.
 */
class EventTypeNamesStayHereTest {

    /**
     * A literal that is a known type, or reads like a new one of an aggregate ({@code
     * "invoice.refunded"}); a longer dotted name such as a metric's is not a type.
     */
    private static final Pattern TYPE_LITERAL = Pattern.compile("\"((" + prefixes() + ")\\.[a-z_]+|" + known() + ")\"");

    @Test
    void noProductionSourceOutsideThisModuleSpellsAnEventType() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        assertThat(root.resolve("crm-service"))
                .as("the repository root, from %s", root)
                .isDirectory();

        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> file.toString().contains("/src/main/java/"))
                    .filter(file -> !file.startsWith(root.resolve("platform/events")))
                    .filter(file -> !file.toString().contains("/node_modules/"))
                    .forEach(file -> offenders.addAll(typeLiterals(root, file)));
        }

        assertThat(offenders).as("event type names outside platform/events").isEmpty();
    }

    @Test
    void thePatternCatchesKnownAndInventedNamesButNotMetricNames() {
        assertThat(TYPE_LITERAL.matcher("emit(\"task.due\")").find()).isTrue();
        assertThat(TYPE_LITERAL.matcher("emit(\"invoice.refunded\")").find()).isTrue();
        assertThat(TYPE_LITERAL.matcher("\"tenant.features.changed\"").find()).isTrue();
        assertThat(TYPE_LITERAL.matcher("\"whatsapp.inbound.unrouted\"").find()).isFalse();
        assertThat(TYPE_LITERAL.matcher("\"crm.customer.v1\"").find()).isFalse();
    }

    private static List<String> typeLiterals(Path root, Path file) {
        try {
            List<String> found = new ArrayList<>();
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = TYPE_LITERAL.matcher(lines.get(i));
                while (m.find()) {
                    found.add(root.relativize(file) + ":" + (i + 1) + " " + m.group());
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String known() {
        return EventTypes.ALL.stream().map(type -> Pattern.quote(type.type())).collect(Collectors.joining("|"));
    }

    private static String prefixes() {
        return EventTypes.ALL.stream()
                .map(type -> type.type().substring(0, type.type().indexOf('.')))
                .distinct()
                .collect(Collectors.joining("|"));
    }
}
