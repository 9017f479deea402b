package dev.agentlocator.testkit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook the way Twilio documents it ("Validating requests"): the full URL Twilio
 * requested, then every POST parameter sorted by name as name + value with no separators;
 * HMAC-SHA1 with the auth token; base64. Written from the documentation, not from our code, and
 * checked against Twilio's published example in telephony-service's {@code TwilioSignerTest}.
 */
public final class TwilioSigner {

    public static String sign(String authToken, String url, Map<String, String> params) {
        var data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code application/x-www-form-urlencoded}, as Twilio posts webhooks. */
    public static String form(Map<String, String> params) {
        var joiner = new StringJoiner("&");
        params.forEach((k, v) -> joiner.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joiner.toString();
    }

    private TwilioSigner() {}
}
