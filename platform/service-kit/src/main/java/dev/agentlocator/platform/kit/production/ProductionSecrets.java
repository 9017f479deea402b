package dev.agentlocator.platform.kit.production;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a service with {@code APP_ENV=production} while a secret it needs is missing,
 * naming every missing one at once (SPEC C11). Runs before any other bean is created, so nothing
 * (database, Kafka, Eureka) is touched first.
 *
 * <p>The secrets are listed by name under {@code agentlocator.production.required-secrets.<group>};
 * the kit's defaults require {@code DATABASE_PASSWORD} (group {@code kit}),
 * and a service adds its own group in its {@code application.yml}, e.g. {@code push: VAPID_PUBLIC_KEY,
 * VAPID_PRIVATE_KEY}. Groups from every configuration source are merged; setting a group to an
 * empty value drops it. A name is present when the environment has a non-blank property of that
 * exact name (an environment variable, as a deployment sets them).
 */
public class ProductionSecrets implements BeanFactoryPostProcessor, EnvironmentAware {

    public static final String PROPERTY = "agentlocator.production.required-secrets";

    private static final Bindable<Map<String, List<String>>> GROUPS = Bindable.of(ResolvableType.forClassWithGenerics(
            Map.class,
            ResolvableType.forClass(String.class),
            ResolvableType.forClassWithGenerics(List.class, String.class)));

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    /** Throws {@link MissingProductionSecretsException} naming what is missing, in production only. */
    public static void check(Environment environment) {
        if (!isProduction(environment)) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String name : required(environment)) {
            String value = environment.getProperty(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingProductionSecretsException(missing);
        }
    }

    /** Every required name, in group order (kit first, then the service's groups by name). */
    static Set<String> required(Environment environment) {
        Map<String, List<String>> groups =
                new TreeMap<>(Binder.get(environment).bind(PROPERTY, GROUPS).orElseGet(Map::of));
        Set<String> names = new LinkedHashSet<>(groups.getOrDefault("kit", List.of()));
        groups.values().forEach(names::addAll);
        return names.stream()
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static boolean isProduction(Environment environment) {
        return "production".equalsIgnoreCase(environment.getProperty("APP_ENV", ""));
    }
}
