package dev.agentlocator.notification.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPrivateKeySpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;

/**
 * The user agent's side of RFC 8291, written for the tests from the RFC and sharing no code with
 * production: BouncyCastle for the P-256 point decoding, ECDH and HKDF; the JDK for AES-128-GCM.
 */
final class Rfc8291Decryptor {

    static final BouncyCastleProvider BC = new BouncyCastleProvider();
    static final ECNamedCurveParameterSpec CURVE = ECNamedCurveTable.getParameterSpec("secp256r1");

    record Decrypted(int recordSize, byte[] senderPublicKey, byte[] plaintext) {}

    static Decrypted decrypt(byte[] body, byte[] uaPrivate, byte[] uaPublic, byte[] authSecret) throws Exception {
        // RFC 8188 section 2.1: salt(16) | rs(uint32) | idlen(1) | keyid(idlen) | ciphertext
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        byte[] asPublic = new byte[in.get() & 0xff];
        in.get(asPublic);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);

        // RFC 8291 section 3.3: ECDH between the user agent's private key and the sender's key
        KeyFactory keys = KeyFactory.getInstance("EC", BC);
        PublicKey sender =
                keys.generatePublic(new ECPublicKeySpec(CURVE.getCurve().decodePoint(asPublic), CURVE));
        PrivateKey receiver = keys.generatePrivate(new ECPrivateKeySpec(new java.math.BigInteger(1, uaPrivate), CURVE));
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH", BC);
        agreement.init(receiver);
        agreement.doPhase(sender, true);
        byte[] ecdhSecret = agreement.generateSecret();

        // RFC 8291 section 3.4: IKM = HKDF(auth_secret, ecdh_secret, "WebPush: info" 0 ua_public as_public, 32)
        byte[] keyInfo = join("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic);
        byte[] ikm = hkdf(authSecret, ecdhSecret, keyInfo, 32);
        // RFC 8188 sections 2.2 and 2.3
        byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(ciphertext);
        // the last record ends with the delimiter 0x02 followed by zero padding
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new IllegalStateException("no last-record delimiter");
        }
        return new Decrypted(recordSize, asPublic, Arrays.copyOf(padded, end));
    }

    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) {
        var generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(ikm, salt, info));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }

    private static byte[] join(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }

    private Rfc8291Decryptor() {}
}
