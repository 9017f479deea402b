package dev.agentlocator.billing.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.agentlocator.billing.PdfGraphics;
import dev.agentlocator.billing.pdf.VectorDrawing.LineCap;
import dev.agentlocator.billing.pdf.VectorDrawing.LineJoin;
import dev.agentlocator.billing.pdf.VectorDrawing.LineTo;
import dev.agentlocator.billing.pdf.VectorDrawing.MoveTo;
import dev.agentlocator.billing.pdf.VectorDrawing.Rgb;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

class RtlDocumentTest {

    @Test
    void aDrawingIsScaledIntoItsBoxAtTheRightMarginWithTheYAxisFlipped() {
        // A stroke from the drawing's top-left corner to its bottom-right one, in a 100 × 50 frame.
        var stroke = new VectorDrawing.Shape(
                List.of(new MoveTo(0, 0), new LineTo(100, 50)),
                null,
                Rgb.BLACK,
                2,
                LineCap.ROUND,
                LineJoin.ROUND,
                false);
        byte[] pdf;
        try (var document = new RtlDocument("בדיקה")) {
            pdf = document.line("סימון")
                    .drawing(new VectorDrawing(0, 0, 100, 50, List.of(stroke)), 200, 80)
                    .toBytes();
        }
        var graphics = PdfGraphics.ofPageWith(pdf, "סימון");
        assertThat(graphics.paths).hasSize(1);
        assertThat(graphics.paths.get(0).paint()).isEqualTo("stroke");
        // 200 × 80 allows a scale of 1.6 (the height binds): 160 × 80 points, right edge at the margin.
        float right = PDRectangle.A4.getWidth() - 50;
        var start = graphics.points.get(0);
        var end = graphics.points.get(1);
        assertThat(start.x).isCloseTo(right - 160, within(0.01f));
        assertThat(end.x).isCloseTo(right, within(0.01f));
        // The drawing's top is the page's higher y.
        assertThat(start.y - end.y).isCloseTo(80, within(0.01f));
    }
}
