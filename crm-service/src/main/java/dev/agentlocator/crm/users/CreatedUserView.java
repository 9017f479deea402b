package dev.agentlocator.crm.users;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The new user, and the generated password when the owner did not choose one (shown once). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreatedUserView(UserView user, String temporaryPassword) {}
