package dev.agentlocator.billing.contracts;

import dev.agentlocator.billing.pdf.VectorDrawing;
import dev.agentlocator.billing.pdf.VectorDrawing.CurveTo;
import dev.agentlocator.billing.pdf.VectorDrawing.LineCap;
import dev.agentlocator.billing.pdf.VectorDrawing.LineJoin;
import dev.agentlocator.billing.pdf.VectorDrawing.LineTo;
import dev.agentlocator.billing.pdf.VectorDrawing.MoveTo;
import dev.agentlocator.billing.pdf.VectorDrawing.Rgb;
import dev.agentlocator.billing.pdf.VectorDrawing.Segment;
import dev.agentlocator.billing.pdf.VectorDrawing.Shape;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The SVG a signature pad draws, read as a whitelist rather than sanitised: an {@code <svg>} with
 * {@code <g>}, {@code <path>} (commands M, L, H, V, C, Q, Z, absolute or relative),
 * {@code <polyline>} and {@code <circle>} (signature_pad's dots), plain colours, stroke width,
 * caps and joins. Anything else — another element or command, a transform, a reference, a DTD,
 * text — is refused rather than ignored, so what is stored is exactly what the PDF shows.
 */
final class SvgSignature {

    static final String UNSUPPORTED = "החתימה מכילה רכיבים שאינם נתמכים. יש לחתום שוב.";
    static final String EMPTY = "החתימה ריקה. יש לחתום לפני השליחה.";
    static final String TOO_COMPLEX = "החתימה מורכבת מדי. יש לחתום שוב.";

    static final int MAX_ELEMENTS = 2_000;
    static final int MAX_SEGMENTS = 50_000;
    static final int MAX_DEPTH = 8;
    private static final float MAX_COORDINATE = 1_000_000;

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final Set<String> STYLE =
            Set.of("fill", "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin");
    private static final Set<String> ANY_ELEMENT = Set.of("id", "class", "style");
    private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "svg", Set.of("width", "height", "viewBox", "version", "preserveAspectRatio"),
            "g", Set.of(),
            "path", Set.of("d"),
            "polyline", Set.of("points"),
            "circle", Set.of("cx", "cy", "r"));
    private static final Map<String, Rgb> NAMED = Map.of(
            "black", Rgb.BLACK,
            "currentcolor", Rgb.BLACK,
            "white", new Rgb(1, 1, 1),
            "gray", new Rgb(0.5f, 0.5f, 0.5f),
            "grey", new Rgb(0.5f, 0.5f, 0.5f),
            "red", new Rgb(1, 0, 0),
            "green", new Rgb(0, 0.5f, 0),
            "blue", new Rgb(0, 0, 1),
            "navy", new Rgb(0, 0, 0.5f),
            "darkblue", new Rgb(0, 0, 0.545f));
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    private static final Pattern RGB =
            Pattern.compile("rgb\\(\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*\\)");
    /** The circle's control-point distance for a quarter arc, as a fraction of the radius. */
    private static final float KAPPA = 0.5522848f;

    /** Presentation state, inherited from the enclosing elements as SVG inherits it. */
    private record Paint(Rgb fill, Rgb stroke, float strokeWidth, LineCap cap, LineJoin join, boolean evenOdd) {

        static final Paint INITIAL = new Paint(Rgb.BLACK, null, 1, LineCap.BUTT, LineJoin.MITER, false);
    }

    private final List<Shape> shapes = new ArrayList<>();
    private int elements;
    private int segments;

    static VectorDrawing parse(byte[] bytes) {
        Element root;
        try {
            var factory = DocumentBuilderFactory.newInstance();
            // No DTD at all: no entity expansion, no external entities, no "billion laughs".
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // a parse error is a refusal, not a line on stderr
            root = builder.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw SignatureImage.invalid("invalid_signature", SignatureImage.MALFORMED);
        }
        if (!"svg".equals(name(root))) {
            throw SignatureImage.invalid("invalid_signature", SignatureImage.MALFORMED);
        }
        var reader = new SvgSignature();
        reader.element(root, Paint.INITIAL, 0);
        if (reader.shapes.stream().noneMatch(s -> s.fill() != null || s.stroke() != null)) {
            throw SignatureImage.invalid("invalid_signature", EMPTY);
        }
        return reader.frame(root);
    }

    private void element(Element element, Paint inherited, int depth) {
        String name = name(element);
        Set<String> allowed = ATTRIBUTES.get(name);
        if (allowed == null || depth > MAX_DEPTH || (depth > 0 && name.equals("svg"))) {
            throw unsupported();
        }
        if (++elements > MAX_ELEMENTS) {
            throw SignatureImage.invalid("signature_too_large", TOO_COMPLEX);
        }
        NamedNodeMap attributes = element.getAttributes();
        Paint paint = inherited;
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                continue; // namespace declarations (xmlns, xmlns:xlink) declare, they draw nothing
            }
            String attributeName = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if (attribute.getNamespaceURI() != null
                    || !(allowed.contains(attributeName)
                            || ANY_ELEMENT.contains(attributeName)
                            || STYLE.contains(attributeName))) {
                throw unsupported();
            }
            if (STYLE.contains(attributeName)) {
                paint = withProperty(paint, attributeName, attribute.getValue());
            }
        }
        // The style attribute outranks presentation attributes, as in a browser.
        if (element.hasAttribute("style")) {
            for (String declaration : element.getAttribute("style").split(";")) {
                if (declaration.isBlank()) {
                    continue;
                }
                int colon = declaration.indexOf(':');
                String property =
                        colon < 0 ? "" : declaration.substring(0, colon).trim();
                if (!STYLE.contains(property)) {
                    throw unsupported();
                }
                paint = withProperty(paint, property, declaration.substring(colon + 1));
            }
        }
        switch (name) {
            case "path" -> add(path(element.getAttribute("d")), paint);
            case "polyline" -> add(polyline(element.getAttribute("points")), paint);
            case "circle" -> circle(element, paint);
            default -> {
                /* svg and g only group */
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> element((Element) child, paint, depth + 1);
                case Node.COMMENT_NODE -> {
                    /* harmless */
                }
                case Node.TEXT_NODE -> {
                    if (!child.getNodeValue().isBlank()) {
                        throw unsupported();
                    }
                }
                default -> throw unsupported(); // CDATA, processing instructions, entity references
            }
        }
    }

    private void add(List<Segment> path, Paint paint) {
        if (path.isEmpty()) {
            return;
        }
        segments += path.size();
        if (segments > MAX_SEGMENTS) {
            throw SignatureImage.invalid("signature_too_large", TOO_COMPLEX);
        }
        shapes.add(new Shape(
                path, paint.fill(), paint.stroke(), paint.strokeWidth(), paint.cap(), paint.join(), paint.evenOdd()));
    }

    private void circle(Element element, Paint paint) {
        float cx = element.hasAttribute("cx") ? number(element.getAttribute("cx")) : 0;
        float cy = element.hasAttribute("cy") ? number(element.getAttribute("cy")) : 0;
        float r = number(element.getAttribute("r"));
        if (r < 0) {
            throw unsupported();
        }
        if (r == 0) {
            return; // SVG draws nothing for a zero radius
        }
        float k = r * KAPPA;
        add(
                List.of(
                        new MoveTo(cx + r, cy),
                        new CurveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r),
                        new CurveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy),
                        new CurveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r),
                        new CurveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy),
                        new VectorDrawing.Close()),
                paint);
    }

    /** Path data: a command letter, then its numbers, repeatable; a move's extra pairs are lines. */
    static List<Segment> path(String d) {
        var tokens = new Tokens(d);
        List<Segment> out = new ArrayList<>();
        float x = 0;
        float y = 0;
        float startX = 0;
        float startY = 0;
        char command = 0;
        while (tokens.skipSeparators()) {
            if (tokens.atCommand()) {
                command = tokens.command();
            } else if (command == 0 || command == 'Z' || command == 'z') {
                throw unsupported(); // numbers before any command, or after a close
            }
            boolean relative = Character.isLowerCase(command);
            float dx = relative ? x : 0;
            float dy = relative ? y : 0;
            switch (Character.toUpperCase(command)) {
                case 'M' -> {
                    x = tokens.number() + dx;
                    y = tokens.number() + dy;
                    startX = x;
                    startY = y;
                    out.add(new MoveTo(x, y));
                    command = relative ? 'l' : 'L';
                }
                case 'L' -> {
                    x = tokens.number() + dx;
                    y = tokens.number() + dy;
                    out.add(lineTo(out, x, y));
                }
                case 'H' -> {
                    x = tokens.number() + dx;
                    out.add(lineTo(out, x, y));
                }
                case 'V' -> {
                    y = tokens.number() + dy;
                    out.add(lineTo(out, x, y));
                }
                case 'C' -> {
                    float x1 = tokens.number() + dx;
                    float y1 = tokens.number() + dy;
                    float x2 = tokens.number() + dx;
                    float y2 = tokens.number() + dy;
                    x = tokens.number() + dx;
                    y = tokens.number() + dy;
                    requireStart(out);
                    out.add(new CurveTo(x1, y1, x2, y2, x, y));
                }
                case 'Q' -> {
                    float qx = tokens.number() + dx;
                    float qy = tokens.number() + dy;
                    float ex = tokens.number() + dx;
                    float ey = tokens.number() + dy;
                    requireStart(out);
                    // The cubic that traces the same quadratic: control points 2/3 of the way to Q.
                    out.add(new CurveTo(
                            x + 2f / 3 * (qx - x),
                            y + 2f / 3 * (qy - y),
                            ex + 2f / 3 * (qx - ex),
                            ey + 2f / 3 * (qy - ey),
                            ex,
                            ey));
                    x = ex;
                    y = ey;
                }
                case 'Z' -> {
                    requireStart(out);
                    out.add(new VectorDrawing.Close());
                    x = startX;
                    y = startY;
                }
                default -> throw unsupported(); // arcs (A), smooth curves (S, T) and anything else
            }
        }
        return out;
    }

    static List<Segment> polyline(String points) {
        var tokens = new Tokens(points);
        List<Segment> out = new ArrayList<>();
        while (tokens.skipSeparators()) {
            float x = tokens.number();
            float y = tokens.number();
            out.add(out.isEmpty() ? new MoveTo(x, y) : new LineTo(x, y));
        }
        return out;
    }

    private static Segment lineTo(List<Segment> path, float x, float y) {
        requireStart(path);
        return new LineTo(x, y);
    }

    private static void requireStart(List<Segment> path) {
        if (path.isEmpty()) {
            throw unsupported(); // a path must start with a move
        }
    }

    /** The frame: the viewBox, else width × height, else the drawing's own bounds. */
    private VectorDrawing frame(Element root) {
        if (root.hasAttribute("viewBox")) {
            var tokens = new Tokens(root.getAttribute("viewBox"));
            float[] box = new float[4];
            for (int i = 0; i < 4; i++) {
                tokens.skipSeparators();
                box[i] = tokens.number();
            }
            if (tokens.skipSeparators() || box[2] <= 0 || box[3] <= 0) {
                throw unsupported();
            }
            return new VectorDrawing(box[0], box[1], box[2], box[3], shapes);
        }
        Float width = length(root.getAttribute("width"));
        Float height = length(root.getAttribute("height"));
        if (width != null && height != null) {
            return new VectorDrawing(0, 0, width, height, shapes);
        }
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        float pad = 0;
        for (Shape shape : shapes) {
            if (shape.stroke() != null) {
                pad = Math.max(pad, shape.strokeWidth() / 2);
            }
            for (Segment s : shape.segments()) {
                float[] xy = s.points();
                for (int i = 0; i < xy.length; i += 2) {
                    minX = Math.min(minX, xy[i]);
                    maxX = Math.max(maxX, xy[i]);
                    minY = Math.min(minY, xy[i + 1]);
                    maxY = Math.max(maxY, xy[i + 1]);
                }
            }
        }
        pad = Math.max(pad, 1);
        return new VectorDrawing(minX - pad, minY - pad, maxX - minX + 2 * pad, maxY - minY + 2 * pad, shapes);
    }

    /** {@code 300} or {@code 300px}; a percentage or nothing means "no size given". */
    private static Float length(String raw) {
        String value = raw.trim();
        if (value.isEmpty() || value.endsWith("%")) {
            return null;
        }
        float number = number(value.endsWith("px") ? value.substring(0, value.length() - 2) : value);
        if (number <= 0) {
            throw unsupported();
        }
        return number;
    }

    private static Paint withProperty(Paint p, String property, String rawValue) {
        String value = rawValue.trim().toLowerCase(Locale.ROOT);
        return switch (property) {
            case "fill" -> new Paint(color(value), p.stroke(), p.strokeWidth(), p.cap(), p.join(), p.evenOdd());
            case "stroke" -> new Paint(p.fill(), color(value), p.strokeWidth(), p.cap(), p.join(), p.evenOdd());
            case "stroke-width" -> {
                Float width = length(value);
                if (width == null || width > 1000) {
                    throw unsupported();
                }
                yield new Paint(p.fill(), p.stroke(), width, p.cap(), p.join(), p.evenOdd());
            }
            case "stroke-linecap" ->
                new Paint(p.fill(), p.stroke(), p.strokeWidth(), choice(value, LineCap.class), p.join(), p.evenOdd());
            case "stroke-linejoin" ->
                new Paint(p.fill(), p.stroke(), p.strokeWidth(), p.cap(), choice(value, LineJoin.class), p.evenOdd());
            case "fill-rule" -> {
                if (!value.equals("nonzero") && !value.equals("evenodd")) {
                    throw unsupported();
                }
                yield new Paint(p.fill(), p.stroke(), p.strokeWidth(), p.cap(), p.join(), value.equals("evenodd"));
            }
            default -> throw unsupported();
        };
    }

    /** A plain colour, or null for {@code none}; anything that could reference or run something is refused. */
    private static Rgb color(String value) {
        if (value.equals("none") || value.equals("transparent")) {
            return null;
        }
        Rgb named = NAMED.get(value);
        if (named != null) {
            return named;
        }
        Matcher hex = HEX.matcher(value);
        if (hex.matches()) {
            String digits = hex.group(1);
            if (digits.length() == 3) {
                digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1)
                        + digits.charAt(2) + digits.charAt(2);
            }
            int rgb = Integer.parseInt(digits, 16);
            return new Rgb(((rgb >> 16) & 0xff) / 255f, ((rgb >> 8) & 0xff) / 255f, (rgb & 0xff) / 255f);
        }
        Matcher rgb = RGB.matcher(value);
        if (rgb.matches()) {
            return new Rgb(channel(rgb.group(1)), channel(rgb.group(2)), channel(rgb.group(3)));
        }
        throw unsupported();
    }

    private static float channel(String digits) {
        int value = Integer.parseInt(digits);
        if (value > 255) {
            throw unsupported();
        }
        return value / 255f;
    }

    private static <E extends Enum<E>> E choice(String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw unsupported();
        }
    }

    private static float number(String raw) {
        String value = raw.trim();
        if (!NUMBER.matcher(value).matches()) {
            throw unsupported();
        }
        return checked(Float.parseFloat(value));
    }

    private static float checked(float value) {
        if (!Float.isFinite(value) || Math.abs(value) > MAX_COORDINATE) {
            throw unsupported();
        }
        return value;
    }

    private static String name(Element element) {
        String namespace = element.getNamespaceURI();
        if (namespace != null && !namespace.equals(SVG_NS)) {
            return "";
        }
        return element.getLocalName() == null ? element.getTagName() : element.getLocalName();
    }

    private static RuntimeException unsupported() {
        return SignatureImage.invalid("invalid_signature", UNSUPPORTED);
    }

    /** Numbers and command letters of path data, separated by whitespace and commas. */
    private static final class Tokens {

        private final String text;
        private final Matcher number;
        private int at;

        Tokens(String text) {
            this.text = text;
            this.number = NUMBER.matcher(text);
        }

        /** Moves past separators; false at the end. */
        boolean skipSeparators() {
            while (at < text.length() && (Character.isWhitespace(text.charAt(at)) || text.charAt(at) == ',')) {
                at++;
            }
            return at < text.length();
        }

        boolean atCommand() {
            return Character.isLetter(text.charAt(at)) && text.charAt(at) != 'e' && text.charAt(at) != 'E';
        }

        char command() {
            return text.charAt(at++);
        }

        float number() {
            skipSeparators();
            number.region(at, text.length());
            if (at >= text.length() || !number.lookingAt()) {
                throw unsupported();
            }
            at = number.end();
            return checked(Float.parseFloat(number.group()));
        }
    }
}
