package dev.agentlocator.crm.auth;

import dev.agentlocator.crm.auth.AccountTokenRepository.NewLink;
import dev.agentlocator.crm.auth.AccountTokenRepository.Purpose;
import dev.agentlocator.crm.auth.AccountTokenRepository.StoredLink;
import dev.agentlocator.crm.tenants.TenantRepository;
import dev.agentlocator.crm.users.CommonPasswords;
import dev.agentlocator.crm.users.User;
import dev.agentlocator.crm.users.UserRepository;
import dev.agentlocator.crm.users.UserService;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.mail.Mailer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-service accounts (ADR 0031): email verification, forgotten and changed passwords, changed
 * email addresses, sessions and "sign out everywhere", and invitations. Every mailed link is a
 * 256-bit random token, stored hashed, single-use and expiring; a request about an unknown address
 * answers exactly like one about a known address, so nobody learns who has an account.
 */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    static final String LINK_INVALID = "הקישור אינו תקין. בקשו קישור חדש.";
    static final String LINK_USED = "הקישור כבר נוצל. בקשו קישור חדש.";
    static final String LINK_EXPIRED = "תוקף הקישור פג. בקשו קישור חדש.";
    static final String WRONG_PASSWORD = "הסיסמה הנוכחית שגויה";
    static final String SAME_EMAIL = "זו כבר כתובת האימייל שלך";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final UserService userService;
    private final TenantRepository tenants;
    private final AccountTokenRepository links;
    private final RefreshTokenRepository refreshTokens;
    private final AuthService auth;
    private final PasswordEncoder passwords;
    private final CommonPasswords commonPasswords;
    private final Mailer mailer;
    private final AccountProperties properties;
    private final Clock clock;

    AccountService(
            UserRepository users,
            UserService userService,
            TenantRepository tenants,
            AccountTokenRepository links,
            RefreshTokenRepository refreshTokens,
            AuthService auth,
            PasswordEncoder passwords,
            CommonPasswords commonPasswords,
            Mailer mailer,
            AccountProperties properties,
            Clock clock) {
        this.users = users;
        this.userService = userService;
        this.tenants = tenants;
        this.links = links;
        this.refreshTokens = refreshTokens;
        this.auth = auth;
        this.passwords = passwords;
        this.commonPasswords = commonPasswords;
        this.mailer = mailer;
        this.properties = properties;
        this.clock = clock;
    }

    /** Mails {@code user} a link that proves the address; the caller holds the transaction. */
    void sendVerification(User user) {
        String token = newLink(
                Purpose.VERIFY_EMAIL,
                NewLink.forUser(user.id(), user.tenantId(), user.email()),
                properties.verifyEmailTtl());
        mailer.sendAfterCommit(AccountMails.verifyEmail(
                user.email(), user.name(), properties.link("/verify-email", token), properties.verifyEmailTtl()));
    }

    @Transactional(noRollbackFor = ApiException.class)
    public void verifyEmail(String token) {
        StoredLink link = consume(Purpose.VERIFY_EMAIL, token);
        users.markVerified(link.userId(), now());
        log.info("User {} verified their email", link.userId());
    }

    /** Another verification mail, if the address belongs to an unverified user; silent otherwise. */
    @Transactional
    public void resendVerification(String email) {
        users.findByEmail(email.trim())
                .filter(user -> user.active() && !user.emailVerified())
                .ifPresent(this::sendVerification);
    }

    /** A reset link, if the address belongs to an active user; silent otherwise. */
    @Transactional
    public void forgotPassword(String email) {
        users.findByEmail(email.trim()).filter(User::active).ifPresent(user -> {
            links.retireOpen(Purpose.RESET_PASSWORD, user.id(), now());
            String token = newLink(
                    Purpose.RESET_PASSWORD,
                    NewLink.forUser(user.id(), user.tenantId(), user.email()),
                    properties.resetPasswordTtl());
            mailer.sendAfterCommit(AccountMails.resetPassword(
                    user.email(),
                    user.name(),
                    properties.link("/reset-password", token),
                    properties.resetPasswordTtl()));
        });
    }

    /**
     * Sets a new password from a reset link; every session of the user ends. The link also proves
     * the address, so an unverified owner who resets is verified.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public void resetPassword(String token, String newPassword) {
        commonPasswords.check(newPassword);
        StoredLink link = consume(Purpose.RESET_PASSWORD, token);
        User user = users.findById(link.userId()).orElseThrow(AccountService::invalidLink);
        if (!user.active()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "account_disabled", AuthService.ACCOUNT_DISABLED);
        }
        users.updatePasswordHash(user.id(), passwords.encode(newPassword));
        users.markVerified(user.id(), now());
        endSessions(user.id());
        log.info("User {} reset their password", user.id());
    }

    /** Changes the password of a signed-in user who knows the current one. */
    @Transactional
    public void changePassword(UUID tenantId, UUID userId, String currentPassword, String newPassword) {
        User user = activeUser(tenantId, userId);
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "wrong_password", WRONG_PASSWORD);
        }
        commonPasswords.check(newPassword);
        users.updatePasswordHash(user.id(), passwords.encode(newPassword));
        log.info("User {} changed their password", user.id());
    }

    /**
     * Mails a confirmation link to the new address; the login stays the old address until the link
     * is followed (ADR 0031).
     */
    @Transactional
    public void requestEmailChange(UUID tenantId, UUID userId, String currentPassword, String newEmail) {
        User user = activeUser(tenantId, userId);
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "wrong_password", WRONG_PASSWORD);
        }
        String email = newEmail.trim().toLowerCase(Locale.ROOT);
        if (email.equals(user.email())) {
            throw ApiException.badRequest("same_email", SAME_EMAIL);
        }
        if (users.emailTaken(email)) {
            throw ApiException.conflict("email_taken", UserServiceMessages.EMAIL_TAKEN);
        }
        links.retireOpen(Purpose.CHANGE_EMAIL, user.id(), now());
        String token = newLink(
                Purpose.CHANGE_EMAIL, NewLink.forUser(user.id(), user.tenantId(), email), properties.verifyEmailTtl());
        mailer.sendAfterCommit(AccountMails.confirmNewEmail(
                email, user.name(), properties.link("/confirm-email", token), properties.verifyEmailTtl()));
    }

    @Transactional(noRollbackFor = ApiException.class)
    public void confirmEmailChange(String token) {
        StoredLink link = consume(Purpose.CHANGE_EMAIL, token);
        if (users.findByEmail(link.email()).isPresent()) {
            throw ApiException.conflict("email_taken", UserServiceMessages.EMAIL_TAKEN);
        }
        users.updateEmail(link.userId(), link.email(), now());
        userService.published(link.userId());
        log.info("User {} changed their email", link.userId());
    }

    /** The user's signed-in devices: one per refresh-token family still alive. */
    @Transactional(readOnly = true)
    public List<RefreshTokenRepository.Session> sessions(UUID tenantId, UUID userId) {
        activeUser(tenantId, userId);
        return refreshTokens.activeSessions(userId, now());
    }

    @Transactional
    public void endSession(UUID tenantId, UUID userId, UUID sessionId) {
        activeUser(tenantId, userId);
        if (!refreshTokens.revokeFamilyOf(userId, sessionId)) {
            throw ApiException.notFound();
        }
    }

    /**
     * Ends every session: the refresh tokens are revoked, and crm-service refuses the access tokens
     * issued before now (the other services accept one until it expires, at most the access-token
     * lifetime).
     */
    @Transactional
    public void signOutEverywhere(UUID tenantId, UUID userId) {
        activeUser(tenantId, userId);
        endSessions(userId);
        log.info("User {} signed out everywhere", userId);
    }

    /** Mails an invitation; the invitee chooses their own password on the accept page. */
    @Transactional
    public void invite(UUID tenantId, UUID inviterId, String name, String email, String role) {
        User inviter = activeUser(tenantId, inviterId);
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        if (users.emailTaken(normalised)) {
            throw ApiException.conflict("email_taken", UserServiceMessages.EMAIL_TAKEN);
        }
        String business = tenants.name(tenantId).orElseThrow(ApiException::notFound);
        String token = newLink(
                Purpose.INVITATION,
                new NewLink(null, tenantId, normalised, name.trim(), role),
                properties.invitationTtl());
        mailer.sendAfterCommit(AccountMails.invitation(
                normalised,
                name.trim(),
                inviter.name(),
                business,
                properties.link("/accept-invitation", token),
                properties.invitationTtl()));
        log.info("User {} invited a new {} to tenant {}", inviterId, role, tenantId);
    }

    /** The invitee's own password; they are signed in at once (the link proved the address). */
    @Transactional(noRollbackFor = ApiException.class)
    public TokenResponse acceptInvitation(String token, String password) {
        commonPasswords.check(password);
        StoredLink link = consume(Purpose.INVITATION, token);
        User user = userService.insert(link.tenantId(), link.name(), link.email(), password, link.role());
        log.info("User {} accepted an invitation to tenant {}", user.id(), user.tenantId());
        return auth.startSession(user);
    }

    private void endSessions(UUID userId) {
        refreshTokens.revokeAllOfUser(userId);
        users.invalidateSessionsBefore(userId, now());
    }

    private User activeUser(UUID tenantId, UUID userId) {
        User user = users.findInTenant(tenantId, userId)
                .orElseThrow(
                        () -> new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", AuthService.INVALID_REFRESH));
        if (!user.active()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "account_disabled", AuthService.ACCOUNT_DISABLED);
        }
        return user;
    }

    private String newLink(Purpose purpose, NewLink link, java.time.Duration ttl) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = now();
        links.insert(purpose, AuthService.hash(token), link, now, now.plus(ttl));
        return token;
    }

    /**
     * Uses a link once: unknown → 400, already used → 410, expired → 410, each with its own
     * Hebrew message. A link that fails for a later reason (a too-common password) stays unused,
     * since the check comes first or the transaction rolls back.
     */
    private StoredLink consume(Purpose purpose, String token) {
        StoredLink link =
                links.findForUpdate(purpose, AuthService.hash(token)).orElseThrow(AccountService::invalidLink);
        if (link.usedAt() != null) {
            throw new ApiException(HttpStatus.GONE, "link_used", LINK_USED);
        }
        if (!link.expiresAt().isAfter(now())) {
            throw new ApiException(HttpStatus.GONE, "link_expired", LINK_EXPIRED);
        }
        links.markUsed(link.id(), now());
        return link;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static ApiException invalidLink() {
        return ApiException.badRequest("link_invalid", LINK_INVALID);
    }

    /** Shared wording with {@link UserService}. */
    static final class UserServiceMessages {
        static final String EMAIL_TAKEN = "כתובת האימייל כבר רשומה במערכת";

        private UserServiceMessages() {}
    }
}
