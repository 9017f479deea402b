package dev.agentlocator.billing.common;

import dev.agentlocator.platform.kit.csv.Csv;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A list exported as a CSV download, the same way for invoices and contracts: UTF-8 with a
 * byte-order mark (so that Excel shows the Hebrew rather than mojibake), one header row, CRLF lines.
 */
public final class CsvExport {

    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    public static <T> ResponseEntity<byte[]> attachment(
            String filename, List<String> header, List<T> items, Function<T, List<String>> row) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(bytes(header, items, row));
    }

    /** The CSV file itself, for a download or a file in an archive. */
    public static <T> byte[] bytes(List<String> header, List<T> items, Function<T, List<String>> row) {
        var out = new StringBuilder().append(Csv.BOM).append(Csv.line(header));
        for (T item : items) {
            out.append(Csv.line(row.apply(item)));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private CsvExport() {}
}
