package dev.agentlocator.platform.kit.features;

import dev.agentlocator.platform.kit.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@link RequiresFeature} before the handler runs. The exception it throws goes through
 * the controller advice like any handler exception, so the body is the suite's JSON.
 */
public class FeatureGuardInterceptor implements HandlerInterceptor {

    private final TenantFeatures features;

    public FeatureGuardInterceptor(TenantFeatures features) {
        this.features = features;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        RequiresFeature required =
                AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresFeature.class);
        if (required == null) {
            required = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresFeature.class);
        }
        // Unauthenticated requests never reach a guarded handler (security answers 401 first).
        if (required == null
                || !(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken)) {
            return true;
        }
        if (!features.isEnabled(CurrentUser.get().tenantId(), required.value())) {
            throw new FeatureDisabledException(required.value());
        }
        return true;
    }
}
