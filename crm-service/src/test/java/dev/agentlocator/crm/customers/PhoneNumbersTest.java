package dev.agentlocator.crm.customers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
        "050-1234567, +972501234567",
        "0501234567, +972501234567",
        "+972501234567, +972501234567",
        "+972 50 123 4567, +972501234567",
        "972501234567, +972501234567",
        "+972-(0)50-1234567, +972501234567",
        "02-6234567, +97226234567",
        "03 6234567, +97236234567",
        "077-1234567, +972771234567",
        "+1 212 555 0100, +12125550100",
        "0044 20 7946 0958, +442079460958"
    })
    void normalisesIsraeliAndInternationalInputToE164(String input, String expected) {
        assertThat(PhoneNumbers.normalise(input)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "050-123", "12345", "050-12345678", "06-1234567", "+0501234567", "+972 12"})
    void refusesWhatIsNotAPhoneNumber(String input) {
        assertThat(PhoneNumbers.normalise(input)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"+972501234567, 050-1234567", "+97226234567, 02-6234567", "+12125550100, +12125550100"})
    void displaysIsraeliNumbersTheLocalWay(String e164, String expected) {
        assertThat(PhoneNumbers.display(e164)).isEqualTo(expected);
    }
}
