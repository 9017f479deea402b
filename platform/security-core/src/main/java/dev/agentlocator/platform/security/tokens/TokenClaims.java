package dev.agentlocator.platform.security.tokens;

import com.nimbusds.jose.JWSAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * The shape of the suite's access tokens, in one place for the one signer (crm-service) and every
 * validator (the gateway, the services). ADR 0021.
 */
public final class TokenClaims {

    /** {@code iss} of every token crm-service signs. */
    public static final String ISSUER = "agentlocator";

    /** The tenant the token acts in (a UUID); the services never take the tenant from anywhere else. */
    public static final String TENANT = "tid";

    /** The roles of the caller; a person's token holds one of the people's roles. */
    public static final String ROLES = "roles";

    public static final String EMAIL = "email";
    public static final String NAME = "name";

    /** The client a service token was issued to ({@code telephony-service}); people's tokens have none. */
    public static final String CLIENT = "client_id";

    /** The only role of a service token; no person holds it, and it passes none of the people's checks. */
    public static final String SERVICE_ROLE = "service";

    /** ECDSA on P-256 with SHA-256: small keys and signatures, and no shared secret to leak. */
    public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;

    /** {@link #ALGORITHM} as Spring Security names it, for the decoders. */
    public static final SignatureAlgorithm SPRING_ALGORITHM = SignatureAlgorithm.ES256;

    private TokenClaims() {}
}
