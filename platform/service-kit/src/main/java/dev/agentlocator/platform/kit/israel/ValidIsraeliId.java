package dev.agentlocator.platform.kit.israel;

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
 * A request field holding an Israeli identity, company or VAT dealer number ({@link IsraeliIds});
 * null or blank passes, as the field is optional wherever it is used.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidIsraeliId.Validator.class)
public @interface ValidIsraeliId {

    String message() default "המספר אינו תקין: יש להזין 9 ספרות, וספרת הביקורת (הספרה האחרונה) צריכה להתאים";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check itself, so Bean Validation can apply the annotation. */
    class Validator implements ConstraintValidator<ValidIsraeliId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || IsraeliIds.isValid(value);
        }
    }
}
