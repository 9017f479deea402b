package dev.agentlocator.platform.kit.phone;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request field holding a phone number by {@link PhoneNumbers}' rule; null or blank passes, so a
 * required field adds {@code @NotBlank} with its own message.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidPhoneNumber.Validator.class)
public @interface ValidPhoneNumber {

    String message() default PhoneNumbers.INVALID;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check itself, so Bean Validation can apply the annotation. */
    class Validator implements ConstraintValidator<ValidPhoneNumber, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || PhoneNumbers.isValid(value);
        }
    }
}
