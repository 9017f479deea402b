package dev.agentlocator.billing;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * What a PDF page draws besides text, read back with PDFBox's own content-stream engine: the
 * images placed on it and every painted path with its curves, lines and colour. Tests use it to
 * prove that a signature is really drawn, not just mentioned.
 */
public final class PdfGraphics extends PDFGraphicsStreamEngine {

    /** An image as placed on the page. */
    public record PlacedImage(int pixelWidth, int pixelHeight) {}

    /** One painted path: how it was painted, of what it was made, its stroke colour (RGB 0..1) if stroked. */
    public record PaintedPath(String paint, int curves, int lines, float[] strokeRgb) {}

    public final List<PlacedImage> images = new ArrayList<>();
    /** The end point of every move, line and curve, in page coordinates (origin bottom left). */
    public final List<Point2D.Float> points = new ArrayList<>();

    public final List<PaintedPath> paths = new ArrayList<>();
    /** Image XObjects in the page's resources, drawn or not. */
    public final List<PDImageXObject> imageResources = new ArrayList<>();

    private int curves;
    private int lines;
    private final Point2D.Float current = new Point2D.Float();

    private PdfGraphics(PDPage page) {
        super(page);
    }

    /** The graphics of the first page whose text contains {@code marker} (e.g. "נחתם על ידי"). */
    public static PdfGraphics ofPageWith(byte[] pdf, String marker) {
        try (var document = Loader.loadPDF(pdf)) {
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                var stripper = new PDFTextStripper();
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                if (stripper.getText(document).contains(marker)) {
                    PDPage page = document.getPage(i - 1);
                    var graphics = new PdfGraphics(page);
                    graphics.processPage(page);
                    for (COSName name : page.getResources().getXObjectNames()) {
                        if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                            graphics.imageResources.add(image);
                        }
                    }
                    return graphics;
                }
            }
            throw new AssertionError("No page contains " + marker);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void drawImage(PDImage image) {
        images.add(new PlacedImage(image.getWidth(), image.getHeight()));
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        lines += 4;
    }

    @Override
    public void clip(int windingRule) {
        // A clip only bounds what follows; the path it uses is reset by the next painting operator.
    }

    @Override
    public void moveTo(float x, float y) {
        points.add(new Point2D.Float(x, y));
        current.setLocation(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        lines++;
        points.add(new Point2D.Float(x, y));
        current.setLocation(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        curves++;
        points.add(new Point2D.Float(x3, y3));
        current.setLocation(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return current;
    }

    @Override
    public void closePath() {}

    @Override
    public void endPath() {
        curves = 0;
        lines = 0;
    }

    @Override
    public void strokePath() throws IOException {
        painted("stroke");
    }

    @Override
    public void fillPath(int windingRule) throws IOException {
        painted("fill");
    }

    @Override
    public void fillAndStrokePath(int windingRule) throws IOException {
        painted("fillAndStroke");
    }

    @Override
    public void shadingFill(COSName shadingName) {}

    private void painted(String paint) throws IOException {
        paths.add(new PaintedPath(
                paint, curves, lines, getGraphicsState().getStrokingColor().getComponents()));
        curves = 0;
        lines = 0;
    }

    public int curveCount() {
        return paths.stream().mapToInt(PaintedPath::curves).sum();
    }
}
