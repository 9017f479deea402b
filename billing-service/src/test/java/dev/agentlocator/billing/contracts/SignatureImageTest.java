package dev.agentlocator.billing.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SignatureImageTest {

    private static final int CAP = 200 * 1024;

    private static String base64(String mediaType, byte[] bytes) {
        return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] png(int width, int height) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }

    private static String code(String dataUrl) {
        try {
            SignatureImage.parse(dataUrl, CAP);
            return "accepted";
        } catch (ApiException e) {
            assertThat(e.status().value()).isEqualTo(400);
            return e.code();
        }
    }

    @Test
    void acceptsADecodablePng() throws IOException {
        var image = SignatureImage.parse(base64("image/png", png(300, 100)), CAP);
        assertThat(image.mediaType()).isEqualTo(SignatureImage.PNG);
    }

    @Test
    void refusesAPngThatOnlyLooksLikeOne() {
        byte[] magicThenJunk = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3, 4};
        assertThat(code(base64("image/png", magicThenJunk))).isEqualTo("invalid_signature");
        assertThat(code(base64("image/png", "GIF89a".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("invalid_signature");
    }

    @Test
    void refusesAPngClaimingHugeDimensions() throws IOException {
        assertThat(code(base64("image/png", png(4001, 1)))).isEqualTo("invalid_signature");
    }

    @Test
    void refusesAnythingOverTheCapBeforeDecodingIt() {
        assertThat(code(base64("image/png", new byte[CAP + 1]))).isEqualTo("signature_too_large");
        assertThat(code("data:image/png;base64," + "A".repeat(CAP * 2))).isEqualTo("signature_too_large");
    }

    @Test
    void refusesWhatIsNotADataUrlOfAnImage() {
        assertThat(code("hello")).isEqualTo("invalid_signature");
        assertThat(code("data:text/html;base64,PGI+")).isEqualTo("invalid_signature");
        assertThat(code("data:image/png;base64,***")).isEqualTo("invalid_signature");
        assertThat(code("data:image/png;base64,")).isEqualTo("invalid_signature");
    }

    @Test
    void acceptsAPlainSvgDrawing() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><path d=\"M0 0L9 9\"/></svg>";
        assertThat(code(base64("image/svg+xml", svg.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("accepted");
    }

    @Test
    void refusesSvgWithScriptsHandlersEntitiesOrExternalReferences() {
        String ns = "xmlns=\"http://www.w3.org/2000/svg\"";
        for (String svg : new String[] {
            "<svg " + ns + "><script>alert(1)</script></svg>",
            "<svg " + ns + " onload=\"alert(1)\"/>",
            "<!DOCTYPE svg [<!ENTITY lol \"lol\">]><svg " + ns + ">&lol;</svg>",
            "<svg " + ns + " xmlns:x=\"http://www.w3.org/1999/xlink\"><use x:href=\"http://evil.test/a.svg#x\"/></svg>",
            "<svg " + ns + "><foreignObject><div/></foreignObject></svg>",
            "<svg " + ns + "><a href=\"javascript:alert(1)\"/></svg>",
            "<html/>",
            "<svg " + ns + ">"
        }) {
            assertThat(code(base64("image/svg+xml", svg.getBytes(StandardCharsets.UTF_8))))
                    .as(svg)
                    .isEqualTo("invalid_signature");
        }
    }

    @Test
    void aSigningTokenIs32RandomBytesAndOnlyItsHashIsComparable() {
        String token = SigningTokens.newToken();
        assertThat(SigningTokens.looksValid(token)).isTrue();
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(SigningTokens.newToken()).isNotEqualTo(token);
        assertThat(SigningTokens.hash(token)).hasSize(64).isNotEqualTo(token);
        assertThat(SigningTokens.looksValid("../../etc/passwd")).isFalse();
    }
}
