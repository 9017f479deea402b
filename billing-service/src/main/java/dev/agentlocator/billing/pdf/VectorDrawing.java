package dev.agentlocator.billing.pdf;

import java.util.List;

/**
 * Vector art in its own coordinate frame, y pointing down as in SVG: the frame's box and the shapes
 * in it. {@link RtlDocument#drawing} scales it into the page; it holds no text and no references.
 *
 * @param minX left edge of the frame (an SVG {@code viewBox})
 * @param minY top edge of the frame
 */
public record VectorDrawing(float minX, float minY, float width, float height, List<Shape> shapes) {

    public VectorDrawing {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("A drawing needs a positive width and height");
        }
        shapes = List.copyOf(shapes);
    }

    /** One painted path. A null {@code fill} or {@code stroke} means that part is not painted. */
    public record Shape(
            List<Segment> segments,
            Rgb fill,
            Rgb stroke,
            float strokeWidth,
            LineCap cap,
            LineJoin join,
            boolean evenOdd) {

        public Shape {
            segments = List.copyOf(segments);
        }
    }

    /** A colour, each channel 0..1. */
    public record Rgb(float red, float green, float blue) {

        public static final Rgb BLACK = new Rgb(0, 0, 0);
    }

    public enum LineCap {
        BUTT,
        ROUND,
        SQUARE
    }

    public enum LineJoin {
        MITER,
        ROUND,
        BEVEL
    }

    /** A path step; quadratic curves arrive as their exact cubic equivalent. */
    public sealed interface Segment {

        /** The step's points as x, y pairs: control points first, the end point last. */
        float[] points();
    }

    public record MoveTo(float x, float y) implements Segment {
        @Override
        public float[] points() {
            return new float[] {x, y};
        }
    }

    public record LineTo(float x, float y) implements Segment {
        @Override
        public float[] points() {
            return new float[] {x, y};
        }
    }

    public record CurveTo(float x1, float y1, float x2, float y2, float x, float y) implements Segment {
        @Override
        public float[] points() {
            return new float[] {x1, y1, x2, y2, x, y};
        }
    }

    public record Close() implements Segment {
        @Override
        public float[] points() {
            return new float[0];
        }
    }
}
