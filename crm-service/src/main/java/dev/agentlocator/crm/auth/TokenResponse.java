package dev.agentlocator.crm.auth;

import dev.agentlocator.crm.users.UserView;

/** What login, signup and refresh return. {@code expiresIn} is in seconds. */
public record TokenResponse(String accessToken, String refreshToken, long expiresIn, UserView user) {}
