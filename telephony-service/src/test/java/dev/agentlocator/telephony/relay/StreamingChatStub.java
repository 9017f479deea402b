package dev.agentlocator.telephony.relay;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points OpenAI at the streaming {@link SseChatStub} for a test class that imports this. A
 * registrar, not a {@code @DynamicPropertySource}: LiveProviders' sources are applied after a
 * subclass's, so its WireMock would win.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StreamingChatStub {

    /** One stub per JVM: test classes share it (each resets it) and it dies with the JVM. */
    public static final SseChatStub LLM = new SseChatStub(20, 400);

    @Bean
    DynamicPropertyRegistrar streamingChatUrl() {
        return registry -> registry.add("agentlocator.telephony.openai.base-url", LLM::url);
    }
}
