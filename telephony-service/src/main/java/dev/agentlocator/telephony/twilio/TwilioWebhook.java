package dev.agentlocator.telephony.twilio;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller (or one of its methods) that Twilio calls: no request reaches it without a
 * valid {@code X-Twilio-Signature}, whatever path spelling led the dispatcher there
 * ({@link TwilioSignatureFilter}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TwilioWebhook {}
