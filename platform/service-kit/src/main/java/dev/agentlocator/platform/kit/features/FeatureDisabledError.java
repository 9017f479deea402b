package dev.agentlocator.platform.kit.features;

/** The 403 body for a disabled feature: the suite's error shape with the feature named at the top level. */
public record FeatureDisabledError(String error, String feature, String message) {}
