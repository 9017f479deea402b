package dev.agentlocator.telephony.numbers;

import dev.agentlocator.platform.kit.text.Text;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connecting the office's own number (ADR 0032).
 *
 * @param credentialsKey {@code TELEPHONY_CREDENTIALS_KEY}: 32 bytes, base64, the AES-256-GCM key the
 *     tenants' Twilio credentials are encrypted with at rest. Required in production; without it (a
 *     service started on its own) an ephemeral key, so stored credentials do not survive a restart
 * @param bundleSid {@code TWILIO_NUMBER_BUNDLE_SID}: the regulatory bundle Twilio needs to buy an
 *     Israeli number on the platform's account (optional; passed as {@code BundleSid})
 * @param addressSid {@code TWILIO_NUMBER_ADDRESS_SID}: the address registered with that bundle
 *     (optional; passed as {@code AddressSid})
 */
@ConfigurationProperties("agentlocator.telephony.numbers")
public record NumbersProperties(String credentialsKey, String bundleSid, String addressSid) {

    public NumbersProperties {
        credentialsKey = Text.blankToNull(credentialsKey);
        bundleSid = Text.blankToNull(bundleSid);
        addressSid = Text.blankToNull(addressSid);
    }
}
