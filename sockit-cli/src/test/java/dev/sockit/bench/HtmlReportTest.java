package dev.sockit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private static TestSpec spec(TestSpec.Mode mode) {
        return new TestSpec(mode, TestSpec.Protocol.TCP, TestSpec.Direction.FORWARD, 2, 64, 0, 4, 1, Duration.ofSeconds(2), Duration.ZERO);
    }

    private static List<Interval> intervals() {
        return List.of(new Interval(0, 0, 1, List.of(1_000_000L, 2_000_000L)), new Interval(1, 1, 2, List.of(1_500_000L, 2_500_000L)));
    }

    @Test
    void throughput_hasALineChartPerStreamAndTotal_andATable() {
        BenchStart start = new BenchStart(spec(TestSpec.Mode.THROUGHPUT), "127.0.0.1:5301", false, List.of("send-0", "send-1"), "bytes");
        Summary s = new Summary.Throughput(List.of(new Summary.StreamTotals("send-0", true, 2_500_000, 2_500_000, 0, 0, 0, 0, 0),
                new Summary.StreamTotals("send-1", true, 4_500_000, 4_500_000, 0, 0, 0, 0, 0)));
        String html = HtmlReport.html(new BenchResult(start, 2, intervals(), s));
        assertSelfContained(html);
        assertThat(html).contains("<svg").contains("<path class=\"series\"").contains("<title>send-0</title>")
                .contains("<title>send-1</title>").contains("<title>total</title>").contains("<table>");
    }

    @Test
    void latency_hasPercentileAndHistogramBars() {
        Histogram h = new Histogram();
        for (long v = 1000; v < 2_000_000; v += 977) {
            h.record(v);
        }
        BenchStart start = new BenchStart(spec(TestSpec.Mode.LATENCY), "127.0.0.1:5301", false, List.of("loop-0", "loop-1"), "round_trips");
        String html = HtmlReport.html(new BenchResult(start, 2, intervals(), new Summary.Latency(h.count(), 0, h.percentiles(), h.bins(40))));
        assertSelfContained(html);
        assertThat(html).contains("Latency percentiles").contains("Latency histogram").contains("<rect class=\"bar\"")
                .contains(">p99.9<");
        assertThat(html.split("<svg", -1)).hasSize(4);
    }

    @Test
    void conns_andConnect_render() {
        BenchStart conns = new BenchStart(spec(TestSpec.Mode.CONNS), "127.0.0.1:1", true, List.of("conns"), "open");
        String a = HtmlReport.html(new BenchResult(conns, 2, List.of(new Interval(0, 0, 1, List.of(4L))), new Summary.Conns(4, 4, 4, -1)));
        assertSelfContained(a);
        assertThat(a).contains("4 of 4 connections held").contains("unknown");
        Histogram h = new Histogram();
        h.record(30_000);
        BenchStart connect = new BenchStart(spec(TestSpec.Mode.CONNECT), "127.0.0.1:1", false, List.of("connector-0", "connector-1"), "connects");
        String b = HtmlReport.html(new BenchResult(connect, 2, intervals(), new Summary.Connect(1, 0, h.percentiles(), h.bins(10))));
        assertSelfContained(b);
        assertThat(b).contains("Connect time histogram");
    }

    @Test
    void labels_areEscaped() {
        BenchStart start = new BenchStart(spec(TestSpec.Mode.CONNS), "<script>x</script>", false, List.of("conns"), "open");
        String html = HtmlReport.html(new BenchResult(start, 1, List.of(), new Summary.Conns(1, 1, 1, 1)));
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    private static void assertSelfContained(String html) {
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContainIgnoringCase("http://").doesNotContainIgnoringCase("https://")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=").doesNotContain("@import");
    }
}
