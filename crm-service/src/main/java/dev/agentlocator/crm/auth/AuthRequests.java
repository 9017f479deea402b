package dev.agentlocator.crm.auth;

import dev.agentlocator.crm.users.Passwords;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The bodies of the auth endpoints. */
final class AuthRequests {

    record SignupRequest(
            @NotBlank(message = "יש להזין את שם העסק") @Size(max = 200, message = "שם העסק ארוך מדי")
            String businessName,

            @NotBlank(message = "יש להזין שם") @Size(max = 200, message = "השם ארוך מדי")
            String name,

            @NotBlank(message = "יש להזין כתובת אימייל")
            @Email(message = "כתובת האימייל אינה תקינה")
            @Size(max = 254, message = "כתובת האימייל ארוכה מדי")
            String email,

            @NotBlank(message = "יש להזין סיסמה")
            @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH, message = Passwords.LENGTH_MESSAGE)
            String password) {}

    record LoginRequest(
            @NotBlank(message = "יש להזין כתובת אימייל") @Size(max = 254, message = "כתובת האימייל ארוכה מדי")
            String email,

            @NotBlank(message = "יש להזין סיסמה")
            @Size(max = Passwords.MAX_LENGTH, message = Passwords.TOO_LONG_MESSAGE)
            String password) {}

    record RefreshRequest(
            @NotBlank(message = "חסר אסימון רענון") @Size(max = 200, message = "אסימון הרענון אינו תקין")
            String refreshToken) {}

    record TokenRequest(
            @NotBlank(message = "הקישור אינו תקין") @Size(max = 200, message = "הקישור אינו תקין")
            String token) {}

    record EmailRequest(
            @NotBlank(message = "יש להזין כתובת אימייל")
            @Email(message = "כתובת האימייל אינה תקינה")
            @Size(max = 254, message = "כתובת האימייל ארוכה מדי")
            String email) {}

    /** A new password from a mailed link (a reset, or an accepted invitation). */
    record NewPasswordRequest(
            @NotBlank(message = "הקישור אינו תקין") @Size(max = 200, message = "הקישור אינו תקין")
            String token,

            @NotBlank(message = "יש להזין סיסמה")
            @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH, message = Passwords.LENGTH_MESSAGE)
            String password) {}

    record ChangePasswordRequest(
            @NotBlank(message = "יש להזין את הסיסמה הנוכחית")
            @Size(max = Passwords.MAX_LENGTH, message = Passwords.TOO_LONG_MESSAGE)
            String currentPassword,

            @NotBlank(message = "יש להזין סיסמה חדשה")
            @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH, message = Passwords.LENGTH_MESSAGE)
            String newPassword) {}

    record ChangeEmailRequest(
            @NotBlank(message = "יש להזין את הסיסמה הנוכחית")
            @Size(max = Passwords.MAX_LENGTH, message = Passwords.TOO_LONG_MESSAGE)
            String currentPassword,

            @NotBlank(message = "יש להזין כתובת אימייל")
            @Email(message = "כתובת האימייל אינה תקינה")
            @Size(max = 254, message = "כתובת האימייל ארוכה מדי")
            String newEmail) {}

    private AuthRequests() {}
}
