package dev.agentlocator.billing.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.billing.pdf.VectorDrawing;
import dev.agentlocator.billing.pdf.VectorDrawing.CurveTo;
import dev.agentlocator.billing.pdf.VectorDrawing.LineTo;
import dev.agentlocator.billing.pdf.VectorDrawing.MoveTo;
import dev.agentlocator.billing.pdf.VectorDrawing.Rgb;
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

    private static VectorDrawing svg(String svg) {
        var image = SignatureImage.parse(base64("image/svg+xml", svg.getBytes(StandardCharsets.UTF_8)), CAP);
        assertThat(image.mediaType()).isEqualTo(SignatureImage.SVG);
        return image.drawing();
    }

    @Test
    void readsWhatSignaturePadDrawsIntoPaths() {
        // signature_pad's toSVG(): a viewBox, stroked cubic paths with commas, and circles for dots.
        var drawing = svg("""
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
                     viewBox="0 0 300 100" width="300" height="100">
                  <path d="M 10.000,80.000 C 20.000,10.000 40.000,10.000 60.000,50.000" stroke-width="2.250"
                        stroke="#1a2b3c" fill="none" stroke-linecap="round"></path>
                  <circle r="1.5" cx="90" cy="50" fill="black"></circle>
                </svg>""");
        assertThat(drawing.width()).isEqualTo(300);
        assertThat(drawing.height()).isEqualTo(100);
        assertThat(drawing.shapes()).hasSize(2);
        var stroke = drawing.shapes().get(0);
        assertThat(stroke.fill()).isNull();
        assertThat(stroke.stroke()).isEqualTo(new Rgb(0x1a / 255f, 0x2b / 255f, 0x3c / 255f));
        assertThat(stroke.strokeWidth()).isEqualTo(2.25f);
        assertThat(stroke.cap()).isEqualTo(VectorDrawing.LineCap.ROUND);
        assertThat(stroke.segments()).containsExactly(new MoveTo(10, 80), new CurveTo(20, 10, 40, 10, 60, 50));
        assertThat(drawing.shapes().get(1).segments()).hasSize(6); // a move, four quarter arcs, a close
    }

    @Test
    void followsRelativeCommandsImplicitRepeatsAndTurnsQuadraticsIntoCubics() {
        var drawing = svg("""
                <svg xmlns="http://www.w3.org/2000/svg" width="100px" height="50">
                  <g stroke="rgb(0, 0, 255)" fill="none" style="stroke-width: 3">
                    <path d="m10 10 5 5 h10 v-5 q 10 10 20 0 Z"/>
                    <polyline points="0,0 10,10 20,0"/>
                  </g>
                </svg>""");
        assertThat(drawing.width()).isEqualTo(100);
        var path = drawing.shapes().get(0);
        assertThat(path.stroke()).isEqualTo(new Rgb(0, 0, 1));
        assertThat(path.strokeWidth()).isEqualTo(3);
        assertThat(path.segments())
                .containsExactly(
                        new MoveTo(10, 10),
                        new LineTo(15, 15),
                        new LineTo(25, 15),
                        new LineTo(25, 10),
                        // Q (35, 20) to (45, 10) from (25, 10): controls 2/3 of the way to Q.
                        new CurveTo(25 + 2f / 3 * 10, 10 + 2f / 3 * 10, 45 - 2f / 3 * 10, 10 + 2f / 3 * 10, 45, 10),
                        new VectorDrawing.Close());
        assertThat(drawing.shapes().get(1).segments())
                .containsExactly(new MoveTo(0, 0), new LineTo(10, 10), new LineTo(20, 0));
    }

    @Test
    void withoutAViewBoxOrSizeTheFrameIsTheDrawingsOwnBounds() {
        var drawing = svg("<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M50 20 L150 70\" stroke=\"black\" "
                + "stroke-width=\"4\" fill=\"none\"/></svg>");
        assertThat(drawing.minX()).isEqualTo(48);
        assertThat(drawing.minY()).isEqualTo(18);
        assertThat(drawing.width()).isEqualTo(104);
        assertThat(drawing.height()).isEqualTo(54);
    }

    @Test
    void refusesSvgOutsideTheDrawingSubset() {
        String open = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">";
        for (String body : new String[] {
            "<path d=\"M0 0 A5 5 0 0 1 10 10\" stroke=\"black\"/>", // arcs are not in the subset
            "<path d=\"M0 0 S1 1 2 2\" stroke=\"black\"/>",
            "<path d=\"L1 1\" stroke=\"black\"/>", // no starting move
            "<path d=\"M0 0 L1\" stroke=\"black\"/>", // a coordinate missing
            "<path d=\"M0 0 L1e9 1\" stroke=\"black\"/>", // far outside any pad
            "<path d=\"M0 0 L1 1\" stroke=\"url(#g)\"/>",
            "<path d=\"M0 0 L1 1\" stroke=\"black\" transform=\"scale(100)\"/>",
            "<path d=\"M0 0 L1 1\" style=\"stroke: black; background: url(http://evil.test/)\"/>",
            "<rect width=\"10\" height=\"10\"/>",
            "<text>דנה</text>",
            "<g><use href=\"#a\"/></g>",
            "<image href=\"data:image/png;base64,AAAA\"/>",
            "hello",
            "<circle r=\"-1\"/>",
            "<polyline points=\"0,0 10\" stroke=\"black\"/>",
            "<svg><path d=\"M0 0 L1 1\" stroke=\"black\"/></svg>",
            "<path d=\"M0 0 L1 1\" fill=\"none\"/>" // draws nothing: an empty signature
        }) {
            assertThat(code(base64("image/svg+xml", (open + body + "</svg>").getBytes(StandardCharsets.UTF_8))))
                    .as(body)
                    .isEqualTo("invalid_signature");
        }
        assertThat(code(base64(
                        "image/svg+xml",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 0 10\"><path d=\"M0 0 L1 1\"/></svg>"
                                .getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("invalid_signature");
    }

    @Test
    void refusesAnSvgWithTooManyShapes() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\">"
                + "<circle r=\"1\"/>".repeat(SvgSignature.MAX_ELEMENTS + 1) + "</svg>";
        assertThat(code(base64("image/svg+xml", svg.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("signature_too_large");
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
