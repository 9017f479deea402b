package dev.agentlocator.platform.kit.features;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler (or every handler of the controller) serves a feature a tenant can switch off; while
 * it is off, callers of that tenant get {@code 403 {"error":"feature_disabled","feature":…}}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresFeature {

    /** One of {@link Features#ALL}. */
    String value();
}
