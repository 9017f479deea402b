package dev.agentlocator.crm.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agentlocator.platform.security.tokens.TokenClaims;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The keys crm-service signs tokens with, from {@code TOKEN_SIGNING_KEYS}: the first key signs,
 * and the public part of every key is published, so during a rotation the next key can be
 * published before it signs and the previous one after it stopped (docs/operations.md).
 */
@Component
class SigningKeys {

    static final String VARIABLE = "TOKEN_SIGNING_KEYS";

    private final ECKey signingKey;
    private final JWSSigner signer;
    private final JWKSet published;

    SigningKeys(TokenProperties properties) {
        List<JWK> keys = parse(properties.signingKeys());
        Set<String> ids = new HashSet<>();
        for (JWK key : keys) {
            if (!(key instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
                throw invalid("every key must be an EC key on P-256 (ES256)");
            }
            if (key.getKeyID() == null || key.getKeyID().isBlank()) {
                throw invalid("every key needs a key id (kid)");
            }
            if (!ids.add(key.getKeyID())) {
                throw invalid("key id " + key.getKeyID() + " appears twice");
            }
        }
        this.signingKey = (ECKey) keys.get(0);
        if (!signingKey.isPrivate()) {
            throw invalid("the first key signs, so it needs its private part (d)");
        }
        try {
            this.signer = new ECDSASigner(signingKey);
        } catch (JOSEException e) {
            throw invalid("the first key cannot sign: " + e.getMessage());
        }
        this.published = new JWKSet(keys).toPublicJWKSet();
    }

    private static List<JWK> parse(String json) {
        if (json == null || json.isBlank()) {
            throw invalid("it is not set; crm-service signs every access token and refuses to start without keys");
        }
        try {
            List<JWK> keys = JWKSet.parse(json).getKeys();
            if (keys.isEmpty()) {
                throw invalid("the set holds no key");
            }
            return keys;
        } catch (ParseException e) {
            // the message never quotes the value: it holds private keys
            throw invalid("it is not a JWK set ({\"keys\":[...]})");
        }
    }

    private static IllegalStateException invalid(String why) {
        return new IllegalStateException(VARIABLE + " (agentlocator.tokens.signing-keys): " + why);
    }

    /** {@code claims} signed ES256 by the current key, its id in the header. */
    String sign(JWTClaimsSet claims) {
        var header = new JWSHeader.Builder(TokenClaims.ALGORITHM)
                .keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        var jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /** The public keys every validator trusts: the signing key and any other still published. */
    JWKSet published() {
        return published;
    }
}
