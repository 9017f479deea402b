package dev.agentlocator.platform.kit.israel;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

class IsraeliIdsTest {

    @Test
    void acceptsNineDigitsWhoseCheckDigitAddsUp() {
        assertThat(IsraeliIds.isValid("123456782")).isTrue();
        assertThat(IsraeliIds.isValid("514000009")).isTrue();
        assertThat(IsraeliIds.isValid("000000018")).isTrue();
        assertThat(IsraeliIds.isValid("12345-6782")).isTrue();
        assertThat(IsraeliIds.isValid(" 123 456 782 ")).isTrue();
    }

    @Test
    void refusesAWrongCheckDigitAWrongLengthOrNonDigits() {
        assertThat(IsraeliIds.isValid("123456789")).isFalse();
        assertThat(IsraeliIds.isValid("514000006")).isFalse();
        assertThat(IsraeliIds.isValid("18"))
                .as("a dealer number has nine digits")
                .isFalse();
        assertThat(IsraeliIds.isValid("1234567890")).isFalse();
        assertThat(IsraeliIds.isValid("12345678a")).isFalse();
        assertThat(IsraeliIds.isValid("")).isFalse();
        assertThat(IsraeliIds.isValid(null)).isFalse();
    }

    record Form(@ValidIsraeliId String vatId) {}

    @Test
    void theAnnotationRefusesABadCheckDigitWithAHebrewMessageAndLetsAnEmptyFieldPass() {
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            var validator = factory.getValidator();
            var violations = validator.validate(new Form("123456789"));
            assertThat(violations)
                    .singleElement()
                    .satisfies(v -> assertThat(v.getMessage()).contains("ספרת הביקורת"));
            assertThat(validator.validate(new Form("123456782"))).isEmpty();
            assertThat(validator.validate(new Form(null))).isEmpty();
            assertThat(validator.validate(new Form(" "))).isEmpty();
        }
    }
}
