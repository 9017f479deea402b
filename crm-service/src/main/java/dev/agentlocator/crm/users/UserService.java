package dev.agentlocator.crm.users;

import dev.agentlocator.platform.events.UserEvent;
import dev.agentlocator.platform.kit.errors.ApiException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserService {

    static final String EMAIL_TAKEN = "כתובת האימייל כבר רשומה במערכת";
    static final String LAST_OWNER = "לא ניתן להסיר או להוריד בדרגה את הבעלים האחרון של החשבון. מנו קודם בעלים נוסף.";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final UserEvents events;
    private final ApplicationEventPublisher publisher;
    private final CommonPasswords commonPasswords;

    UserService(
            UserRepository users,
            PasswordEncoder passwords,
            UserEvents events,
            ApplicationEventPublisher publisher,
            CommonPasswords commonPasswords) {
        this.commonPasswords = commonPasswords;
        this.users = users;
        this.passwords = passwords;
        this.events = events;
        this.publisher = publisher;
    }

    /** Inserts a user of {@code tenantId} with its {@code user.created} event; callers hold the transaction. */
    public User insert(UUID tenantId, String name, String email, String password, String role) {
        String normalisedEmail = email.trim().toLowerCase(Locale.ROOT);
        if (users.emailTaken(normalisedEmail)) {
            throw ApiException.conflict("email_taken", EMAIL_TAKEN);
        }
        var user = new User(
                UUID.randomUUID(),
                tenantId,
                name.trim(),
                normalisedEmail,
                passwords.encode(password),
                role,
                true,
                null,
                true);
        try {
            users.insert(user);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("email_taken", EMAIL_TAKEN);
        }
        events.append(UserEvent.CREATED, user);
        return user;
    }

    /** Replaces a hash of an older scheme (bcrypt) once the user has proved the password. */
    public void rehashIfOutdated(User user, String password) {
        if (passwords.upgradeEncoding(user.passwordHash())) {
            users.updatePasswordHash(user.id(), passwords.encode(password));
        }
    }

    @Transactional
    public CreatedUserView create(UUID tenantId, CreateUserRequest request) {
        String role = request.role() == null ? Roles.AGENT : request.role();
        commonPasswords.check(request.password());
        String temporary = request.password() == null ? generatePassword() : null;
        User user = insert(
                tenantId, request.name(), request.email(), temporary != null ? temporary : request.password(), role);
        return new CreatedUserView(users.findById(user.id()).orElseThrow().view(), temporary);
    }

    @Transactional(readOnly = true)
    public List<UserView> list(UUID tenantId) {
        return users.listTenant(tenantId).stream().map(User::view).toList();
    }

    /** The user can no longer log in or refresh; their open sessions end with their access token. */
    @Transactional
    public UserView deactivate(UUID tenantId, UUID callerId, UUID userId) {
        User user = users.findInTenant(tenantId, userId).orElseThrow(ApiException::notFound);
        if (user.id().equals(callerId)) {
            throw new ApiException(HttpStatus.CONFLICT, "cannot_deactivate_self", "לא ניתן להשבית את המשתמש שלך");
        }
        if (Roles.OWNER.equals(user.role()) && user.active()) {
            requireAnotherOwner(tenantId);
        }
        users.deactivate(user.id());
        publisher.publishEvent(new UserDeactivated(user.tenantId(), user.id()));
        User deactivated = users.findById(user.id()).orElseThrow();
        events.append(UserEvent.UPDATED, deactivated);
        return deactivated.view();
    }

    /** The user can log in again (with the password they had). */
    @Transactional
    public UserView reactivate(UUID tenantId, UUID userId) {
        User user = users.findInTenant(tenantId, userId).orElseThrow(ApiException::notFound);
        if (Roles.ADMIN.equals(user.role())) {
            throw ApiException.notFound();
        }
        users.reactivate(user.id());
        return published(user.id()).view();
    }

    /**
     * Gives a user of the tenant another role (owner, agent, viewer); the tenant's last active owner
     * cannot be demoted (409).
     */
    @Transactional
    public UserView changeRole(UUID tenantId, UUID userId, String role) {
        if (!Roles.ASSIGNABLE.contains(role) && !Roles.OWNER.equals(role)) {
            throw ApiException.badRequest("invalid_role", "תפקיד לא תקין");
        }
        User user = users.findInTenant(tenantId, userId).orElseThrow(ApiException::notFound);
        if (Roles.ADMIN.equals(user.role())) {
            throw ApiException.notFound();
        }
        if (Roles.OWNER.equals(user.role()) && !Roles.OWNER.equals(role) && user.active()) {
            requireAnotherOwner(tenantId);
        }
        users.updateRole(user.id(), role);
        // the role is in the access token: the user's sessions refresh into tokens with the new one
        return published(user.id()).view();
    }

    /** Appends the user's current state as a {@code user.updated} event; returns that state. */
    public User published(UUID userId) {
        User user = users.findById(userId).orElseThrow(ApiException::notFound);
        events.append(UserEvent.UPDATED, user);
        return user;
    }

    private void requireAnotherOwner(UUID tenantId) {
        if (users.lockActiveOwners(tenantId) <= 1) {
            throw new ApiException(HttpStatus.CONFLICT, "last_owner", LAST_OWNER);
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
