package dev.agentlocator.crm.users;

import java.util.Map;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one password rule of the suite: its length limits, and how a password is hashed.
 *
 * <p>New hashes are Argon2id, which hashes every byte of the password; bcrypt ignores whatever
 * follows the 72nd byte (36 Hebrew letters) and Spring's bcrypt refuses to hash such a password
 * at all. Hashes stored before the switch are bare bcrypt strings: they still verify, and {@link
 * PasswordEncoder#upgradeEncoding} tells the login to replace them.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 8;
    /** Characters, not bytes: generous for a passphrase, small enough that hashing it costs nothing extra. */
    public static final int MAX_LENGTH = 128;

    public static final String LENGTH_MESSAGE = "הסיסמה חייבת להכיל 8 עד 128 תווים";
    public static final String TOO_LONG_MESSAGE = "הסיסמה ארוכה מדי (עד 128 תווים)";

    private static final String ARGON2 = "argon2";
    private static final String BCRYPT = "bcrypt";

    /**
     * Argon2id with OWASP's minimum parameters (19 MiB, two passes, one lane): about as slow as
     * bcrypt at cost 10 was here, and memory-hard against a guesser's GPU.
     */
    public static PasswordEncoder encoder() {
        var bcrypt = new BCryptPasswordEncoder(10);
        var delegating = new DelegatingPasswordEncoder(
                ARGON2, Map.of(ARGON2, new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2), BCRYPT, bcrypt));
        delegating.setDefaultPasswordEncoderForMatches(bcrypt);
        return delegating;
    }

    private Passwords() {}
}
