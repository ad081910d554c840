package dev.sockit.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Inline SVG charts for {@link HtmlReport}: a line chart of series over time and a bar chart,
 * with axes, grid lines and a legend, sized by a view box so the page scales them.
 */
final class SvgChart {
    private static final String[] COLORS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
    private static final int W = 760;
    private static final int H = 300;
    private static final int LEFT = 110;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 50;

    /** A named line: points {@code {x, y}}. */
    record Series(String name, List<double[]> points, boolean bold) {
    }

    private SvgChart() {
    }

    /** A line chart of {@code series}, x in seconds, y formatted by {@code yText}. */
    static String lines(List<Series> series, String xTitle, DoubleFunction<String> yText) {
        double maxX = 0;
        double maxY = 0;
        for (Series s : series) {
            for (double[] p : s.points()) {
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        maxX = maxX <= 0 ? 1 : maxX;
        maxY = niceCeiling(maxY);
        StringBuilder svg = open();
        grid(svg, maxY, yText);
        for (int i = 0; i <= 5; i++) {
            double x = maxX * i / 5;
            svg.append(text(xOf(x, maxX), H - BOTTOM + 18, "middle", fmt("%.2f", x)));
        }
        svg.append(text(LEFT + (W - LEFT - RIGHT) / 2.0, H - 8, "middle", escape(xTitle)));
        int c = 0;
        for (Series s : series) {
            String color = s.bold() ? "#222" : COLORS[c++ % COLORS.length];
            StringBuilder path = new StringBuilder();
            for (double[] p : s.points()) {
                path.append(path.isEmpty() ? "M" : " L").append(fmt("%.1f,%.1f", xOf(p[0], maxX), yOf(p[1], maxY)));
            }
            svg.append("<path class=\"series\" d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(color)
                    .append("\" stroke-width=\"").append(s.bold() ? 3 : 1.5).append("\"><title>").append(escape(s.name())).append("</title></path>\n");
            for (double[] p : s.points()) {
                svg.append(fmt("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"><title>", xOf(p[0], maxX), yOf(p[1], maxY), color))
                        .append(escape(s.name() + ": " + yText.apply(p[1]) + " at " + fmt("%.2f s", p[0]))).append("</title></circle>\n");
            }
        }
        legend(svg, series);
        return svg.append("</svg>\n").toString();
    }

    /**
     * A bar chart, one bar per label, on a log scale (powers of ten; a value of 0 has no bar), so
     * a tail a thousand times the median stays readable; {@code valued} writes each bar's value
     * above it.
     */
    static String logBars(List<String> labels, List<Double> values, DoubleFunction<String> yText, String xTitle, boolean valued) {
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double min = values.stream().mapToDouble(Double::doubleValue).filter(v -> v > 0).min().orElse(1);
        int lo = (int) Math.floor(Math.log10(Math.max(min, 1)));
        int hi = Math.max(lo + 1, (int) Math.ceil(Math.log10(Math.max(max, 1))));
        StringBuilder svg = open();
        for (int e = lo; e <= hi; e++) {
            double y = logY(Math.pow(10, e), lo, hi);
            svg.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", LEFT, y, W - RIGHT, y));
            svg.append(text(LEFT - 6, y + 4, "end", escape(yText.apply(Math.pow(10, e)))));
        }
        svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n", LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM));
        int n = Math.max(1, labels.size());
        double slot = (double) (W - LEFT - RIGHT) / n;
        for (int i = 0; i < labels.size(); i++) {
            double v = values.get(i);
            double x = LEFT + i * slot + slot * 0.1;
            double y = v > 0 ? logY(Math.max(v, Math.pow(10, lo)), lo, hi) : H - BOTTOM;
            svg.append(fmt("<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>", x, y, slot * 0.8,
                    H - BOTTOM - y, COLORS[0])).append(escape(labels.get(i) + ": " + yText.apply(v))).append("</title></rect>\n");
            if (valued) {
                svg.append(text(x + slot * 0.4, y - 4, "middle", escape(yText.apply(v))));
            }
            if (n <= 12 || i % Math.max(1, n / 8) == 0) {
                svg.append(text(x + slot * 0.4, H - BOTTOM + 18, "middle", escape(labels.get(i))));
            }
        }
        svg.append(text(LEFT + (W - LEFT - RIGHT) / 2.0, H - 8, "middle", escape(xTitle)));
        return svg.append("</svg>\n").toString();
    }

    private static double logY(double v, int lo, int hi) {
        return H - BOTTOM - (H - BOTTOM - TOP) * (Math.log10(v) - lo) / (hi - lo);
    }

    private static StringBuilder open() {
        return new StringBuilder("<svg viewBox=\"0 0 " + W + " " + H + "\" role=\"img\">\n");
    }

    private static void grid(StringBuilder svg, double maxY, DoubleFunction<String> yText) {
        for (int i = 0; i <= 4; i++) {
            double v = maxY * i / 4;
            double y = yOf(v, maxY);
            svg.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", LEFT, y, W - RIGHT, y));
            svg.append(text(LEFT - 6, y + 4, "end", escape(yText.apply(v))));
        }
        svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n", LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM));
    }

    private static void legend(StringBuilder svg, List<Series> series) {
        int c = 0;
        double x = LEFT + 10;
        for (Series s : series) {
            String color = s.bold() ? "#222" : COLORS[c++ % COLORS.length];
            svg.append(fmt("<rect x=\"%.1f\" y=\"%d\" width=\"12\" height=\"4\" fill=\"%s\"/>", x, TOP - 8, color));
            svg.append(text(x + 16, TOP - 3, "start", escape(s.name())));
            x += 24 + 7 * s.name().length();
        }
    }

    private static double xOf(double x, double maxX) {
        return LEFT + (W - LEFT - RIGHT) * x / maxX;
    }

    private static double yOf(double y, double maxY) {
        return H - BOTTOM - (H - BOTTOM - TOP) * y / maxY;
    }

    private static String text(double x, double y, String anchor, String body) {
        return fmt("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor) + body + "</text>\n";
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above {@code v}. */
    static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
