package dev.agentlocator.platform.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.annotation.Annotation;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Ties a filter's check to the controller methods that carry an annotation, not to a path prefix.
 *
 * <p>{@link #guards} asks Spring MVC which handler the DispatcherServlet will run for a request,
 * the way the dispatcher itself finds it (every {@link HandlerMapping} bean, in order, matching the
 * decoded path with {@code PathPattern}), so {@code /%77ebhook/x}, {@code /webhook;a=b/x} and every other spelling
 * that reaches a guarded method is guarded, and nothing else is. The filter marks each request it
 * let through ({@link #markChecked}); {@link #enforcer} refuses, at the handler itself, a guarded
 * method reached without that mark, so a request that the lookup and the dispatcher ever saw
 * differently fails closed instead of open.
 */
public final class GuardedHandlers {

    private final Class<? extends Annotation> annotation;
    private final ObjectProvider<HandlerMapping> mappings;
    private final String checkedAttribute;
    private volatile List<HandlerMapping> ordered;

    /**
     * @param mappings the application's handler mappings; a provider because filters are created
     *     before the mappings are
     */
    public GuardedHandlers(Class<? extends Annotation> annotation, ObjectProvider<HandlerMapping> mappings) {
        this.annotation = annotation;
        this.mappings = mappings;
        this.checkedAttribute = GuardedHandlers.class.getName() + "." + annotation.getName();
    }

    /** True when the dispatcher will run a handler carrying the annotation (on it or its class). */
    public boolean guards(HttpServletRequest request) {
        HandlerMethod handler = handlerOf(request);
        return handler != null && isGuarded(handler);
    }

    /** Records that the filter checked this request and let it through. */
    public void markChecked(HttpServletRequest request) {
        request.setAttribute(checkedAttribute, Boolean.TRUE);
    }

    /** An interceptor that throws {@code refusal} before a guarded handler runs on an unchecked request. */
    public HandlerInterceptor enforcer(Supplier<? extends RuntimeException> refusal) {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method
                        && isGuarded(method)
                        && request.getAttribute(checkedAttribute) == null) {
                    throw refusal.get();
                }
                return true;
            }
        };
    }

    private boolean isGuarded(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), annotation)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), annotation);
    }

    /** What {@code DispatcherServlet.getHandler} will find, looked up on a copy of the request's attributes. */
    private HandlerMethod handlerOf(HttpServletRequest request) {
        HttpServletRequest lookup = new AttributesOfItsOwn(request);
        ServletRequestPathUtils.parseAndCache(lookup);
        for (HandlerMapping mapping : ordered()) {
            HandlerExecutionChain chain;
            try {
                chain = mapping.getHandler(lookup);
            } catch (Exception e) {
                // A path that matches with the wrong method or content type: the dispatcher fails the
                // same way (405, 415, …) before any handler runs.
                return null;
            }
            if (chain != null) {
                return chain.getHandler() instanceof HandlerMethod method ? method : null;
            }
        }
        return null;
    }

    /** As the DispatcherServlet orders them: by {@code Ordered} / {@code @Order}. */
    private List<HandlerMapping> ordered() {
        List<HandlerMapping> list = ordered;
        if (list == null) {
            list = mappings.orderedStream().toList();
            ordered = list;
        }
        return list;
    }

    /** The request with attributes of its own, so the lookup leaves nothing behind on the real one. */
    private static final class AttributesOfItsOwn extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();

        AttributesOfItsOwn(HttpServletRequest request) {
            super(request);
            Enumeration<String> names = request.getAttributeNames();
            while (names.hasMoreElements()) {
                String name = names.nextElement();
                attributes.put(name, request.getAttribute(name));
            }
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(attributes.keySet());
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }
    }
}
