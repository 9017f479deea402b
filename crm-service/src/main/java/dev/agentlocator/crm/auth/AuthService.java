package dev.agentlocator.crm.auth;

import dev.agentlocator.crm.auth.AuthRequests.LoginRequest;
import dev.agentlocator.crm.auth.AuthRequests.SignupRequest;
import dev.agentlocator.crm.tenants.TenantFeatureService;
import dev.agentlocator.crm.tenants.TenantRepository;
import dev.agentlocator.crm.users.CommonPasswords;
import dev.agentlocator.crm.users.Roles;
import dev.agentlocator.crm.users.User;
import dev.agentlocator.crm.users.UserRepository;
import dev.agentlocator.crm.users.UserService;
import dev.agentlocator.crm.users.UserView;
import dev.agentlocator.platform.kit.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signup, login, refresh-token rotation and logout. Failures that must leave a trace (a counted
 * failed login, a revoked token family) commit even though the request fails, hence {@code
 * noRollbackFor}.
 */
@Service
public class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);

    static final String INVALID_CREDENTIALS = "האימייל או הסיסמה שגויים";
    static final String ACCOUNT_DISABLED = "המשתמש הושבת. פנו לבעל החשבון.";
    static final String INVALID_REFRESH = "פג תוקף ההתחברות. יש להתחבר מחדש.";
    static final String EMAIL_NOT_VERIFIED =
            "יש לאשר את כתובת האימייל לפני ההתחברות. חפשו את המכתב שלנו בתיבת הדואר, או בקשו מכתב חדש.";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantRepository tenants;
    private final TenantFeatureService features;
    private final UserService userService;
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final AccessTokens accessTokens;
    private final LoginThrottle throttle;
    private final PasswordEncoder passwords;
    private final AuthProperties properties;
    private final CommonPasswords commonPasswords;
    private final ObjectProvider<AccountService> accounts;
    /** Compared against when the email is unknown, so both cases cost one bcrypt check. */
    private final String dummyHash;

    AuthService(
            TenantRepository tenants,
            TenantFeatureService features,
            UserService userService,
            UserRepository users,
            RefreshTokenRepository refreshTokens,
            AccessTokens accessTokens,
            LoginThrottle throttle,
            PasswordEncoder passwords,
            AuthProperties properties,
            CommonPasswords commonPasswords,
            ObjectProvider<AccountService> accounts) {
        this.tenants = tenants;
        this.features = features;
        this.userService = userService;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.throttle = throttle;
        this.passwords = passwords;
        this.properties = properties;
        this.commonPasswords = commonPasswords;
        this.accounts = accounts;
        this.dummyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /**
     * A new business with its owner, signed in for this one session; the owner's address is
     * unverified until they follow the mailed link, and until then they cannot log in again (ADR 0031).
     */
    @Transactional
    public TokenResponse signup(SignupRequest request) {
        commonPasswords.check(request.password());
        User owner = createTenant(request.businessName(), request.name(), request.email(), request.password());
        users.markUnverified(owner.id());
        accounts.getObject().sendVerification(owner);
        log.info("Tenant {} signed up", owner.tenantId());
        return issue(owner, UUID.randomUUID());
    }

    /** A new session for a user who has just proved who they are (an accepted invitation). */
    TokenResponse startSession(User user) {
        return issue(user, UUID.randomUUID());
    }

    /** Creates a tenant and its owner inside the caller's transaction (also used by the demo seed). */
    public User createTenant(String businessName, String ownerName, String email, String password) {
        UUID tenantId = tenants.insert(businessName.trim());
        features.publishInitial(tenantId);
        return userService.insert(tenantId, ownerName, email, password, Roles.OWNER);
    }

    @Transactional(noRollbackFor = ApiException.class)
    public TokenResponse login(LoginRequest request, String clientAddress) {
        var attempt = new LoginThrottle.Attempt(request.email(), clientAddress);
        throttle.checkAllowed(attempt);
        var user = users.findByEmail(request.email().trim());
        boolean matches = passwords.matches(
                request.password(), user.map(User::passwordHash).orElse(dummyHash));
        if (user.isEmpty() || !matches) {
            throttle.recordFailure(attempt);
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_credentials", INVALID_CREDENTIALS);
        }
        if (!user.get().active()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "account_disabled", ACCOUNT_DISABLED);
        }
        if (!user.get().emailVerified()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "email_not_verified", EMAIL_NOT_VERIFIED);
        }
        userService.rehashIfOutdated(user.get(), request.password());
        throttle.clear(attempt);
        return issue(user.get(), UUID.randomUUID());
    }

    /**
     * Trades a refresh token for a new pair. A token that was already rotated is a stolen copy (or
     * the original after the thief used it): the whole family is revoked and both must log in again.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public TokenResponse refresh(String refreshToken) {
        var stored = refreshTokens.findForUpdate(hash(refreshToken)).orElseThrow(AuthService::invalidRefresh);
        if (stored.revokedAt() != null) {
            throw invalidRefresh();
        }
        if (stored.rotatedAt() != null) {
            log.warn("Reuse of a rotated refresh token; revoking family {}", stored.familyId());
            refreshTokens.revokeFamily(stored.familyId());
            throw invalidRefresh();
        }
        if (stored.expiresAt().isBefore(OffsetDateTime.now())) {
            throw invalidRefresh();
        }
        User user = users.findById(stored.userId()).orElseThrow(AuthService::invalidRefresh);
        if (!user.active()) {
            refreshTokens.revokeFamily(stored.familyId());
            throw new ApiException(HttpStatus.UNAUTHORIZED, "account_disabled", ACCOUNT_DISABLED);
        }
        refreshTokens.markRotated(stored.id());
        return issue(user, stored.familyId());
    }

    /** Ends the session the refresh token belongs to; unknown tokens are ignored. */
    @Transactional
    public void logout(String refreshToken) {
        refreshTokens.findForUpdate(hash(refreshToken)).ifPresent(t -> refreshTokens.revokeFamily(t.familyId()));
    }

    @Transactional(readOnly = true)
    public UserView me(UUID tenantId, UUID userId) {
        User user = users.findInTenant(tenantId, userId)
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", INVALID_REFRESH));
        if (!user.active()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "account_disabled", ACCOUNT_DISABLED);
        }
        return user.view();
    }

    private TokenResponse issue(User user, UUID familyId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        refreshTokens.insert(
                user.id(), familyId, hash(refreshToken), OffsetDateTime.now().plus(properties.refreshTokenTtl()));
        UserView view = users.findById(user.id()).map(User::view).orElseThrow();
        return new TokenResponse(accessTokens.issue(user), refreshToken, accessTokens.expiresInSeconds(), view);
    }

    /** SHA-256 suffices: the token is 256 random bits, not a guessable password. */
    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException invalidRefresh() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_refresh_token", INVALID_REFRESH);
    }
}
