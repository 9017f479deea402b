package dev.agentlocator.platform.kit.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void parsesQuotedFieldsWithCommasQuotesAndLineBreaks() {
        var rows = Csv.parse("name,notes\r\n\"כהן, יוסי\",\"אמר \"\"שלום\"\"\nשורה שנייה\"\r\n");
        assertThat(rows).containsExactly(List.of("name", "notes"), List.of("כהן, יוסי", "אמר \"שלום\"\nשורה שנייה"));
    }

    @Test
    void dropsTheByteOrderMarkAndBlankLinesAndKeepsEmptyFields() {
        var rows = Csv.parse("\uFEFFname,phone,email\n\nדנה,050-1234567,\n");
        assertThat(rows).containsExactly(List.of("name", "phone", "email"), List.of("דנה", "050-1234567", ""));
    }

    @Test
    void writesCellsThatReadBackTheSameAndDefusesFormulas() {
        String line = Csv.line(List.of("כהן, יוסי", "+972501234567", "=HYPERLINK(\"x\")", "a\"b"));
        assertThat(line).isEqualTo("\"כהן, יוסי\",+972501234567,\"'=HYPERLINK(\"\"x\"\")\",\"a\"\"b\"\r\n");
        assertThat(Csv.parse(line).get(0)).containsExactly("כהן, יוסי", "+972501234567", "'=HYPERLINK(\"x\")", "a\"b");
    }

    @Test
    void aNegativeAmountStaysANumberWhileASignedFormulaIsDefused() {
        assertThat(Csv.line(List.of("-1,234.56", "-200.00", "-2+3", "-A1", "+1.5")))
                .isEqualTo("\"-1,234.56\",-200.00,'-2+3,'-A1,+1.5\r\n");
    }
}
