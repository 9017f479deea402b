package dev.agentlocator.billing.taxauthority;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts the Tax Authority tokens at rest with AES-256-GCM. Each value gets a fresh 96-bit nonce
 * (stored in front of the ciphertext) and is bound to its tenant as associated data, so a token row
 * copied to another tenant does not decrypt. The key comes from configuration (required in
 * production); a service started on its own without one gets an ephemeral key, and connections made
 * with it do not survive a restart.
 */
@Component
class TokenCipher {

    private static final Logger log = LoggerFactory.getLogger(TokenCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    TokenCipher(TaxAuthorityProperties properties) {
        String configured = properties.tokenEncryptionKey();
        byte[] bytes;
        if (configured == null || configured.isBlank()) {
            bytes = new byte[32];
            random.nextBytes(bytes);
            log.warn("BILLING_TOKEN_ENCRYPTION_KEY is not set: Tax Authority tokens are encrypted with an ephemeral"
                    + " key and connections will not survive a restart (development only)");
        } else {
            bytes = Base64.getDecoder().decode(configured.trim());
            if (bytes.length != 32) {
                throw new IllegalStateException(
                        "BILLING_TOKEN_ENCRYPTION_KEY must be base64 of 32 bytes (AES-256), e.g. openssl rand -base64 32");
            }
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    byte[] encrypt(UUID tenantId, String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(tenant(tenantId));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a token", e);
        }
    }

    /** Fails (with {@link GeneralSecurityException} wrapped) on a wrong key, tenant or tampered bytes. */
    String decrypt(UUID tenantId, byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(tenant(tenantId));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored token (wrong key, tenant or data)", e);
        }
    }

    private static byte[] tenant(UUID tenantId) {
        return ByteBuffer.allocate(16)
                .putLong(tenantId.getMostSignificantBits())
                .putLong(tenantId.getLeastSignificantBits())
                .array();
    }
}
