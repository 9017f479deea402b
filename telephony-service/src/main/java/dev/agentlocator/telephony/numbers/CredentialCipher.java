package dev.agentlocator.telephony.numbers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for the tenants' Twilio secrets at rest: a random 12-byte nonce per message, stored in
 * front of the ciphertext, and the tenant's id as associated data, so a row copied onto another
 * tenant does not decrypt.
 */
@Component
class CredentialCipher {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private static final Logger log = LoggerFactory.getLogger(CredentialCipher.class);

    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;

    CredentialCipher(NumbersProperties properties) {
        if (properties.credentialsKey() != null) {
            this.key = key(properties.credentialsKey());
        } else {
            // Production refuses to start without the key (ProductionSecrets); a service started on its
            // own gets one for this run only, like billing-service's Tax Authority tokens.
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            this.key = new SecretKeySpec(raw, "AES");
            log.warn("TELEPHONY_CREDENTIALS_KEY is not set: tenants' Twilio credentials are encrypted with an"
                    + " ephemeral key and must be entered again after a restart");
        }
    }

    static SecretKey key(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("TELEPHONY_CREDENTIALS_KEY is not base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException(
                    "TELEPHONY_CREDENTIALS_KEY must be 32 bytes (base64 of 32 random bytes), not " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    byte[] encrypt(String plain, String associated) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    String decrypt(byte[] stored, String associated) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, stored, 0, NONCE));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(stored, NONCE, stored.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored Twilio credentials do not decrypt with this key", e);
        }
    }

    private SecretKey requireKey() {
        return key;
    }
}
