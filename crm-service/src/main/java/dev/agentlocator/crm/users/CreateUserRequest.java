package dev.agentlocator.crm.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An owner adds a colleague; without a password one is generated and returned once. */
public record CreateUserRequest(
        @NotBlank(message = "יש להזין שם") @Size(max = 200, message = "השם ארוך מדי")
        String name,

        @NotBlank(message = "יש להזין כתובת אימייל")
        @Email(message = "כתובת האימייל אינה תקינה")
        @Size(max = 254, message = "כתובת האימייל ארוכה מדי")
        String email,

        @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH, message = Passwords.LENGTH_MESSAGE)
        String password,

        @Pattern(regexp = "agent|viewer", message = "התפקיד חייב להיות agent או viewer")
        String role) {}
