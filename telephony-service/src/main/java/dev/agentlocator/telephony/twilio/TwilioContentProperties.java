package dev.agentlocator.telephony.twilio;

import dev.agentlocator.telephony.common.Config;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param contentBaseUrl Twilio's Content API (templates); tests and the local stack point it at a stub */
@ConfigurationProperties("agentlocator.telephony.twilio")
public record TwilioContentProperties(
        @DefaultValue("https://content.twilio.com") String contentBaseUrl) {

    public TwilioContentProperties {
        contentBaseUrl = Config.withoutTrailingSlash(contentBaseUrl);
    }
}
