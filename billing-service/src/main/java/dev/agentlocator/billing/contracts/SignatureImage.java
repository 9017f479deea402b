package dev.agentlocator.billing.contracts;

import dev.agentlocator.billing.pdf.VectorDrawing;
import dev.agentlocator.platform.kit.errors.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.http.HttpStatus;

/**
 * A drawn signature, checked before it is kept: a data URL of a PNG that really decodes, or of an
 * SVG within the drawing subset {@link SvgSignature} reads (no DTDs, scripts, references or
 * anything it could not draw). Anything else is a 400, because a signature ends up inside a PDF
 * and in front of the business's eyes.
 *
 * @param drawing the SVG's paths, ready to draw; null for a PNG
 */
record SignatureImage(String mediaType, byte[] bytes, VectorDrawing drawing) {

    static final String PNG = "image/png";
    static final String SVG = "image/svg+xml";

    static final String MALFORMED = "החתימה אינה תמונה תקינה. יש לחתום שוב.";
    static final String TOO_LARGE = "קובץ החתימה גדול מדי";

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int MAX_PIXELS_SIDE = 4000;

    static SignatureImage parse(String dataUrl, int maxBytes) {
        // Base64 is 4/3 of the bytes: refuse an oversized upload before decoding it.
        if (dataUrl.length() > maxBytes / 3L * 4 + 100) {
            throw invalid("signature_too_large", TOO_LARGE);
        }
        int comma = dataUrl.indexOf(',');
        if (!dataUrl.startsWith("data:") || comma < 0) {
            throw invalid("invalid_signature", MALFORMED);
        }
        String meta = dataUrl.substring(5, comma).toLowerCase(Locale.ROOT);
        String data = dataUrl.substring(comma + 1);
        boolean base64 = meta.endsWith(";base64");
        String mediaType = base64 ? meta.substring(0, meta.length() - ";base64".length()) : meta;
        byte[] bytes;
        try {
            bytes = base64
                    ? Base64.getDecoder().decode(data)
                    : java.net.URLDecoder.decode(data, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("invalid_signature", MALFORMED);
        }
        if (bytes.length > maxBytes) {
            throw invalid("signature_too_large", TOO_LARGE);
        }
        if (bytes.length == 0) {
            throw invalid("invalid_signature", MALFORMED);
        }
        return switch (mediaType) {
            case PNG -> png(bytes);
            case SVG, SVG + ";charset=utf-8" -> svg(bytes);
            default -> throw invalid("invalid_signature", MALFORMED);
        };
    }

    private static SignatureImage png(byte[] bytes) {
        if (bytes.length < PNG_MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, PNG_MAGIC.length), PNG_MAGIC)) {
            throw invalid("invalid_signature", MALFORMED);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw invalid("invalid_signature", MALFORMED);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                // The header's size first: a tiny file can claim a huge image and exhaust memory.
                if (reader.getWidth(0) > MAX_PIXELS_SIDE || reader.getHeight(0) > MAX_PIXELS_SIDE) {
                    throw invalid("invalid_signature", MALFORMED);
                }
                if (reader.read(0) == null) {
                    throw invalid("invalid_signature", MALFORMED);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw invalid("invalid_signature", MALFORMED);
        }
        return new SignatureImage(PNG, bytes, null);
    }

    private static SignatureImage svg(byte[] bytes) {
        return new SignatureImage(SVG, bytes, SvgSignature.parse(bytes));
    }

    static ApiException invalid(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message, Map.of("fields", Map.of("signature", message)));
    }
}
