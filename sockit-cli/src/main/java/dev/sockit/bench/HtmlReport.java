package dev.sockit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --report FILE.html}: one self-contained page from a {@link BenchResult}: the test, a
 * summary table, and inline SVG charts (rate over time per stream and in total; latency
 * percentiles and histogram). Styles are inline; the page fetches nothing and runs no script.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:820px;color:#222;background:#fafafa}
            h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.6em}.sub{color:#666;margin-top:0}
            table{border-collapse:collapse;margin:.6em 0}td,th{padding:.25em .8em;border-bottom:1px solid #e4e4e4;text-align:right}
            td:first-child,th:first-child{text-align:left}svg{width:100%;height:auto;background:#fff;border:1px solid #e4e4e4;border-radius:6px}
            svg text{font-size:11px;fill:#555}.big{font-size:2em;font-weight:600;margin:.2em 0}
            """;

    private HtmlReport() {
    }

    /** The page for {@code r}. */
    public static String html(BenchResult r) {
        TestSpec t = r.start().spec();
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>sockit bench: ")
                .append(t.modeName()).append(' ').append(t.protocolName()).append("</title>\n<style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>sockit bench: ").append(t.modeName()).append(' ').append(t.protocolName()).append("</h1>\n<p class=\"sub\">")
                .append(SvgChart.escape(r.start().target())).append(r.start().echoPeer() ? " (echo peer)" : "")
                .append(String.format(Locale.ROOT, " &middot; %.2f s measured", r.seconds()))
                .append(t.warmup().isZero() ? "" : String.format(Locale.ROOT, " after %.2f s warm-up", t.warmup().toMillis() / 1e3))
                .append(" &middot; length ").append(t.length()).append(" bytes").append("</p>\n");
        switch (r.summary()) {
            case Summary.Throughput s -> throughput(h, r, s);
            case Summary.Latency l -> {
                h.append("<p class=\"big\">").append(Units.rate(l.roundTrips() / r.seconds())).append(" round trips/s &middot; p99 ")
                        .append(Units.nanos(l.percentiles().p99())).append("</p>\n");
                rateChart(h, r, "Round trips per second", "round trips/s");
                distribution(h, "Latency", l.percentiles(), l.bins());
            }
            case Summary.Connect c -> {
                h.append("<p class=\"big\">").append(Units.rate(c.connects() / r.seconds())).append(" connects/s &middot; p99 ")
                        .append(Units.nanos(c.percentiles().p99())).append("</p>\n");
                rateChart(h, r, "Connects per second", "connects/s");
                distribution(h, "Connect time", c.percentiles(), c.bins());
            }
            case Summary.Conns c -> {
                h.append("<p class=\"big\">").append(c.alive()).append(" of ").append(c.requested()).append(" connections held</p>\n")
                        .append("<table><tr><th>asked</th><th>opened</th><th>open at the end</th><th>server held</th></tr><tr><td>")
                        .append(c.requested()).append("</td><td>").append(c.opened()).append("</td><td>").append(c.alive()).append("</td><td>")
                        .append(c.serverHeld() < 0 ? "unknown" : Long.toString(c.serverHeld())).append("</td></tr></table>\n");
                h.append("<h2>Open connections</h2>\n").append(SvgChart.lines(List.of(series("open", r.intervals(), 0, false, false)), "seconds",
                        v -> String.format(Locale.ROOT, "%.0f", v)));
            }
        }
        return h.append("<p class=\"sub\">Made by sockit bench.</p>\n</body></html>\n").toString();
    }

    /** Writes the page to {@code file}. */
    public static void write(Path file, BenchResult r) throws IOException {
        Files.writeString(file, html(r), StandardCharsets.UTF_8);
    }

    private static void throughput(StringBuilder h, BenchResult r, Summary.Throughput s) {
        double secs = r.seconds();
        h.append("<p class=\"big\">").append(Units.bits(s.receivedBytes() * 8 / secs)).append(" received</p>\n");
        boolean udp = r.start().spec().protocol() == TestSpec.Protocol.UDP;
        h.append("<table><tr><th>stream</th><th>sender</th><th>sent</th><th>received</th><th>bitrate</th>")
                .append(udp ? "<th>datagrams</th><th>lost</th><th>out of order</th><th>jitter</th>" : "").append("</tr>\n");
        for (Summary.StreamTotals st : s.streams()) {
            h.append("<tr><td>").append(SvgChart.escape(st.label())).append("</td><td>").append(st.clientSends() ? "client" : "server")
                    .append("</td><td>").append(Units.bytes(st.sentBytes())).append("</td><td>").append(Units.bytes(st.receivedBytes()))
                    .append("</td><td>").append(Units.bits(st.receivedBytes() * 8 / secs)).append("</td>");
            if (udp) {
                h.append("<td>").append(st.receivedDatagrams()).append(" / ").append(st.sentDatagrams()).append("</td><td>").append(st.lost())
                        .append("</td><td>").append(st.outOfOrder()).append("</td><td>").append(Units.nanos(st.jitterNanos())).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        rateChart(h, r, "Throughput over time", "bits/s");
    }

    private static void rateChart(StringBuilder h, BenchResult r, String title, String unit) {
        boolean bits = unit.equals("bits/s");
        List<SvgChart.Series> series = new ArrayList<>();
        List<String> labels = r.start().streams();
        for (int i = 0; i < labels.size(); i++) {
            series.add(series(labels.get(i), r.intervals(), i, true, bits));
        }
        if (labels.size() > 1) {
            series.add(series("total", r.intervals(), -1, true, bits));
        }
        h.append("<h2>").append(title).append("</h2>\n")
                .append(SvgChart.lines(series, "seconds", v -> bits ? Units.bits(v) : Units.rate(v) + "/s"));
    }

    private static SvgChart.Series series(String name, List<Interval> intervals, int stream, boolean perSecond, boolean bits) {
        List<double[]> points = new ArrayList<>();
        for (Interval i : intervals) {
            double v = stream < 0 ? i.total() : i.values().get(stream);
            if (perSecond) {
                v = v / Math.max(i.seconds(), 1e-9) * (bits ? 8 : 1);
            }
            points.add(new double[] {i.end(), v});
        }
        return new SvgChart.Series(name, points, stream < 0);
    }

    private static void distribution(StringBuilder h, String what, Percentiles p, List<Histogram.Bin> bins) {
        h.append("<table><tr><th></th><th>min</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th><th>mean</th></tr><tr><td>")
                .append(what).append("</td>");
        for (double v : new double[] {p.min(), p.p50(), p.p90(), p.p99(), p.p999(), p.max(), p.mean()}) {
            h.append("<td>").append(Units.nanos(v)).append("</td>");
        }
        h.append("</tr></table>\n<h2>").append(what).append(" percentiles</h2>\n");
        h.append(SvgChart.logBars(List.of("p50", "p90", "p99", "p99.9", "max"),
                List.of((double) p.p50(), (double) p.p90(), (double) p.p99(), (double) p.p999(), (double) p.max()), Units::nanos,
                "percentile (log scale)", true));
        List<String> labels = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        for (Histogram.Bin b : bins) {
            labels.add(Units.nanos(b.low()));
            counts.add((double) b.count());
        }
        h.append("<h2>").append(what).append(" histogram</h2>\n")
                .append(SvgChart.logBars(labels, counts, v -> String.format(Locale.ROOT, "%.0f", v), "from (bins of equal width on a log scale; counts on a log scale)", false));
    }
}
