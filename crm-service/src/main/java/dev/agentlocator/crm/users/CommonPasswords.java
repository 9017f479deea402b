package dev.agentlocator.crm.users;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The 10,000 most common passwords (SecLists' {@code 10k-most-common.txt}, MIT licence; ADR 0031),
 * refused wherever a person chooses a password. Compared without regard to case: "Password" is as
 * guessable as "password".
 */
@Component
public class CommonPasswords {

    static final String RESOURCE = "passwords/10k-most-common.txt";
    public static final String TOO_COMMON = "הסיסמה נפוצה מדי וקלה לניחוש. בחרו סיסמה אחרת.";

    private final Set<String> passwords;

    public CommonPasswords() {
        this.passwords = load();
    }

    public boolean isCommon(String password) {
        return passwords.contains(password.strip().toLowerCase(Locale.ROOT));
    }

    /** A 400 {@code password_too_common} for a password on the list. */
    public void check(String password) {
        if (password != null && isCommon(password)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "password_too_common", TOO_COMMON);
        }
    }

    int size() {
        return passwords.size();
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>();
        try (var reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    set.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
        return Set.copyOf(set);
    }
}
