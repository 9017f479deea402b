package dev.agentlocator.platform.kit.features;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A request reached a feature its tenant has switched off. */
public class FeatureDisabledException extends ApiException {

    public static final String CODE = "feature_disabled";
    public static final String MESSAGE = "התכונה כבויה בחשבון העסק. בעל החשבון יכול להפעיל אותה בהגדרות.";

    private final String feature;

    public FeatureDisabledException(String feature) {
        super(HttpStatus.FORBIDDEN, CODE, MESSAGE, Map.of("feature", feature));
        this.feature = feature;
    }

    public String feature() {
        return feature;
    }

    /** Names the feature at the top level, where the SPA and the gateway look for it. */
    @Override
    public FeatureDisabledError responseBody() {
        return new FeatureDisabledError(code(), feature, getMessage());
    }
}
