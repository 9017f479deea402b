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

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final UserEvents events;
    private final ApplicationEventPublisher publisher;

    UserService(
            UserRepository users, PasswordEncoder passwords, UserEvents events, ApplicationEventPublisher publisher) {
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
                null);
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
        if (Roles.OWNER.equals(user.role())) {
            throw new ApiException(HttpStatus.CONFLICT, "cannot_deactivate_owner", "לא ניתן להשבית את בעל החשבון");
        }
        users.deactivate(user.id());
        publisher.publishEvent(new UserDeactivated(user.tenantId(), user.id()));
        User deactivated = users.findById(user.id()).orElseThrow();
        events.append(UserEvent.UPDATED, deactivated);
        return deactivated.view();
    }

    private static String generatePassword() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
