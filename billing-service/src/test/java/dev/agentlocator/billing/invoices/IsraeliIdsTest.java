package dev.agentlocator.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IsraeliIdsTest {

    @Test
    void acceptsNumbersWhoseCheckDigitAddsUp() {
        assertThat(IsraeliIds.isValid("123456782")).isTrue();
        assertThat(IsraeliIds.isValid("000000018")).isTrue();
        assertThat(IsraeliIds.isValid("18")).isFalse(); // too short to be a dealer number
        assertThat(IsraeliIds.isValid("12345-6782")).isTrue();
    }

    @Test
    void refusesAWrongCheckDigitOrNonDigits() {
        assertThat(IsraeliIds.isValid("123456789")).isFalse();
        assertThat(IsraeliIds.isValid("12345678a")).isFalse();
        assertThat(IsraeliIds.isValid(null)).isFalse();
        assertThat(IsraeliIds.isValid("1234567890")).isFalse();
    }
}
