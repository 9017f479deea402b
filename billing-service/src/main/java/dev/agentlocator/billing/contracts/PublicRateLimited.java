package dev.agentlocator.billing.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller (or one of its methods) that anyone can reach without a login: every request
 * that the dispatcher routes to it, whatever the spelling of its path, goes through the per-address
 * rate limit and the body cap of {@link PublicRateLimitFilter}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface PublicRateLimited {}
