package dev.agentlocator.billing.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A simple right-to-left A4 document: lines of text right-aligned, tables whose first column is the
 * right-most, and images. Every string is given in logical order and reordered with {@link Bidi}
 * before drawing, as word processors do for Hebrew PDFs; the embedded font subset carries a
 * ToUnicode map, so extraction yields the characters and a bidi-aware reader (PDFBox's text
 * stripper, PDF viewers' copy) restores the logical order. ActualText spans were tried and
 * dropped: PDFBox's stripper then applies bidi to the already logical text and reverses numbers.
 */
public final class RtlDocument implements AutoCloseable {

    private static final String REGULAR = "/fonts/DejaVuSans.ttf";
    private static final String BOLD = "/fonts/DejaVuSans-Bold.ttf";
    private static final Map<String, byte[]> FONT_BYTES = new HashMap<>();

    private static final float MARGIN = 50;
    private static final PDRectangle SIZE = PDRectangle.A4;

    /** One table column: its header and width in points. */
    public record Column(String header, float width) {}

    private final PDDocument document = new PDDocument();
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final Map<Integer, Boolean> drawable = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    public RtlDocument(String title) {
        try {
            regular = PDType0Font.load(document, new ByteArrayInputStream(font(REGULAR)), true);
            bold = PDType0Font.load(document, new ByteArrayInputStream(font(BOLD)), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setProducer("AgentLocator");
        document.setDocumentInformation(info);
        newPage();
    }

    public float contentWidth() {
        return SIZE.getWidth() - 2 * MARGIN;
    }

    public RtlDocument heading(String text) {
        return line(text, 20, true);
    }

    public RtlDocument line(String text) {
        return line(text, 11, false);
    }

    public RtlDocument boldLine(String text) {
        return line(text, 12, true);
    }

    public RtlDocument small(String text) {
        return line(text, 8, false);
    }

    public RtlDocument gap(float points) {
        y -= points;
        return this;
    }

    /** A line of text ending at the right margin. */
    public RtlDocument line(String text, float size, boolean isBold) {
        ensureRoom(size * 1.6f);
        y -= size * 1.4f;
        drawRightAligned(text, SIZE.getWidth() - MARGIN, y, size, isBold ? bold : regular, contentWidth());
        return this;
    }

    /** A table laid out right to left: {@code columns.get(0)} is the right-most column. */
    public RtlDocument table(List<Column> columns, List<List<String>> rows) {
        row(columns, columns.stream().map(Column::header).toList(), true);
        rule();
        for (List<String> row : rows) {
            row(columns, row, false);
        }
        rule();
        return this;
    }

    /** A PNG, its right edge at the right margin, scaled to fit {@code maxWidth} × {@code maxHeight}. */
    public RtlDocument image(byte[] png, float maxWidth, float maxHeight) {
        try {
            PDImageXObject image = PDImageXObject.createFromByteArray(document, png, "signature");
            float scale = Math.min(1f, Math.min(maxWidth / image.getWidth(), maxHeight / image.getHeight()));
            float w = image.getWidth() * scale;
            float h = image.getHeight() * scale;
            ensureRoom(h + 10);
            y -= h + 4;
            content.drawImage(image, SIZE.getWidth() - MARGIN - w, y, w, h);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Vector art (e.g. a drawn signature), its right edge at the right margin, scaled to fit
     * {@code maxWidth} × {@code maxHeight} with its proportions kept, and clipped to its own frame so
     * that nothing it draws can cover the text around it.
     */
    public RtlDocument drawing(VectorDrawing drawing, float maxWidth, float maxHeight) {
        float scale = Math.min(maxWidth / drawing.width(), maxHeight / drawing.height());
        float w = drawing.width() * scale;
        float h = drawing.height() * scale;
        ensureRoom(h + 10);
        y -= h + 4;
        float left = SIZE.getWidth() - MARGIN - w;
        float top = y + h;
        try {
            content.saveGraphicsState();
            content.addRect(left, y, w, h);
            content.clip();
            for (VectorDrawing.Shape shape : drawing.shapes()) {
                if (shape.fill() == null && shape.stroke() == null) {
                    continue;
                }
                for (VectorDrawing.Segment segment : shape.segments()) {
                    float[] p = segment.points();
                    for (int i = 0; i < p.length; i += 2) {
                        // The drawing's y grows downwards, the page's upwards.
                        p[i] = left + (p[i] - drawing.minX()) * scale;
                        p[i + 1] = top - (p[i + 1] - drawing.minY()) * scale;
                    }
                    if (segment instanceof VectorDrawing.MoveTo) {
                        content.moveTo(p[0], p[1]);
                    } else if (segment instanceof VectorDrawing.LineTo) {
                        content.lineTo(p[0], p[1]);
                    } else if (segment instanceof VectorDrawing.CurveTo) {
                        content.curveTo(p[0], p[1], p[2], p[3], p[4], p[5]);
                    } else {
                        content.closePath();
                    }
                }
                paint(shape, scale);
            }
            content.restoreGraphicsState();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] toBytes() {
        try {
            content.close();
            content = null;
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (content != null) {
                content.close();
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(List<Column> columns, List<String> cells, boolean header) {
        float size = 10;
        ensureRoom(size * 1.8f);
        y -= size * 1.5f;
        // Cells go into the content stream left to right, the order of visual text, so that text
        // extractors see separate cells with space between them rather than one run-together word.
        float right = SIZE.getWidth() - MARGIN;
        float[] rights = new float[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            rights[i] = right;
            right -= columns.get(i).width();
        }
        for (int i = columns.size() - 1; i >= 0; i--) {
            String cell = i < cells.size() ? cells.get(i) : "";
            drawRightAligned(
                    cell,
                    rights[i] - 4,
                    y,
                    size,
                    header ? bold : regular,
                    columns.get(i).width() - 8);
        }
    }

    private void paint(VectorDrawing.Shape shape, float scale) throws IOException {
        if (shape.fill() != null) {
            content.setNonStrokingColor(
                    shape.fill().red(), shape.fill().green(), shape.fill().blue());
        }
        if (shape.stroke() != null) {
            content.setStrokingColor(
                    shape.stroke().red(), shape.stroke().green(), shape.stroke().blue());
            content.setLineWidth(shape.strokeWidth() * scale);
            content.setLineCapStyle(shape.cap().ordinal());
            content.setLineJoinStyle(shape.join().ordinal());
        }
        if (shape.fill() != null && shape.stroke() != null) {
            if (shape.evenOdd()) {
                content.fillAndStrokeEvenOdd();
            } else {
                content.fillAndStroke();
            }
        } else if (shape.fill() != null) {
            if (shape.evenOdd()) {
                content.fillEvenOdd();
            } else {
                content.fill();
            }
        } else {
            content.stroke();
        }
    }

    private void rule() {
        try {
            y -= 4;
            content.moveTo(MARGIN, y);
            content.lineTo(SIZE.getWidth() - MARGIN, y);
            content.setLineWidth(0.5f);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drawRightAligned(
            String logical, float right, float baseline, float size, PDType0Font font, float max) {
        try {
            String text = fit(printable(logical, font), font, size, max);
            String visual = Bidi.visual(text);
            float width = font.getStringWidth(visual) / 1000 * size;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(right - width, baseline);
            content.showText(visual);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts a too-long text (in logical order, so its end is what goes) and marks the cut. */
    private static String fit(String text, PDType0Font font, float size, float max) throws IOException {
        if (font.getStringWidth(text) / 1000 * size <= max) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && font.getStringWidth(cut + "…") / 1000 * size > max) {
            cut = cut.substring(0, cut.offsetByCodePoints(0, cut.codePointCount(0, cut.length()) - 1));
        }
        return cut + "…";
    }

    /** Line breaks become spaces; characters the font cannot draw become "?" instead of failing. */
    private String printable(String text, PDType0Font font) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (Character.getType(cp) == Character.FORMAT || Character.isISOControl(cp)) {
                return; // bidi marks and other invisible controls: the reordering already happened
            } else if (canDraw(font, cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private boolean canDraw(PDType0Font font, int codePoint) {
        return drawable.computeIfAbsent(codePoint, cp -> {
            try {
                font.encode(new String(Character.toChars(cp)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }

    private void ensureRoom(float needed) {
        if (y - needed < MARGIN) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(SIZE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = SIZE.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized byte[] font(String path) throws IOException {
        byte[] bytes = FONT_BYTES.get(path);
        if (bytes == null) {
            try (InputStream in = RtlDocument.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IOException("Font missing from the classpath: " + path);
                }
                bytes = in.readAllBytes();
            }
            FONT_BYTES.put(path, bytes);
        }
        return bytes;
    }
}
