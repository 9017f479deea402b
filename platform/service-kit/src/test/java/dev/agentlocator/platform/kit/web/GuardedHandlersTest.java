package dev.agentlocator.platform.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/** The enforcer is the last line: a guarded handler never runs on a request its filter did not pass. */
class GuardedHandlersTest {

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface Signed {}

    @Signed
    static class GuardedController {
        public void handle() {}
    }

    static class MixedController {
        @Signed
        public void guarded() {}

        public void open() {}
    }

    static class Refused extends RuntimeException {
        Refused() {
            super("refused");
        }
    }

    final GuardedHandlers handlers =
            new GuardedHandlers(Signed.class, new StaticListableBeanFactory().getBeanProvider(HandlerMapping.class));
    final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void aGuardedHandlerReachedWithoutTheFiltersMarkIsRefused() throws Exception {
        var enforcer = handlers.enforcer(Refused::new);

        assertThatThrownBy(() -> enforcer.preHandle(
                        new MockHttpServletRequest(), response, handler(new GuardedController(), "handle")))
                .isInstanceOf(Refused.class);
        assertThatThrownBy(() -> enforcer.preHandle(
                        new MockHttpServletRequest(), response, handler(new MixedController(), "guarded")))
                .isInstanceOf(Refused.class);
    }

    @Test
    void aCheckedRequestAndAnUnguardedHandlerPass() throws Exception {
        var enforcer = handlers.enforcer(Refused::new);
        var checked = new MockHttpServletRequest();
        handlers.markChecked(checked);

        assertThat(enforcer.preHandle(checked, response, handler(new GuardedController(), "handle")))
                .isTrue();
        assertThat(enforcer.preHandle(new MockHttpServletRequest(), response, handler(new MixedController(), "open")))
                .isTrue();
        assertThat(handlers.guards(new MockHttpServletRequest("POST", "/anything")))
                .as("no handler mapping finds a handler: nothing to guard")
                .isFalse();
    }

    private static HandlerMethod handler(Object bean, String method) throws NoSuchMethodException {
        return new HandlerMethod(bean, bean.getClass().getMethod(method));
    }
}
