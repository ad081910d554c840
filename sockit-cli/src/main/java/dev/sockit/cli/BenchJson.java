package dev.sockit.cli;

import dev.sockit.bench.BenchListener;
import dev.sockit.bench.BenchResult;
import dev.sockit.bench.BenchStart;
import dev.sockit.bench.Histogram;
import dev.sockit.bench.Interval;
import dev.sockit.bench.Percentiles;
import dev.sockit.bench.Summary;
import dev.sockit.bench.TestSpec;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;

/**
 * {@code sockit bench --json}: one JSON object per line per event, {@code start},
 * {@code interval}, {@code end} and {@code error}, each with {@code ts} (ISO-8601, UTC) and
 * {@code mono_ns} (a monotonic clock, for differences). Times are microseconds ({@code _us}),
 * rates per second.
 */
final class BenchJson implements BenchListener {
    private final PrintWriter out;
    private final Clock clock;

    BenchJson(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    private Json event(String name) {
        return Json.object().put("event", name).put("ts", clock.instant().toString()).put("mono_ns", System.nanoTime());
    }

    private void print(Json json) {
        out.println(json);
        out.flush();
    }

    @Override
    public void start(BenchStart s) {
        TestSpec t = s.spec();
        print(event("start").put("mode", t.modeName()).put("proto", t.protocolName()).put("direction", t.directionName())
                .put("target", s.target()).put("echo_peer", s.echoPeer()).put("length", t.length())
                .put("parallel", t.streams()).put("connections", t.connections()).put("depth", t.depth()).put("rate", t.rate())
                .put("duration_s", t.duration().toMillis() / 1e3).put("warmup_s", t.warmup().toMillis() / 1e3)
                .put("unit", s.unit()).putRaw("streams", strings(s.streams())));
    }

    @Override
    public void interval(Interval i) {
        print(event("interval").put("index", i.index()).put("start_s", i.start()).put("end_s", i.end())
                .put("total", i.total()).put("per_s", i.total() / i.seconds()).putRaw("streams", longs(i.values())));
    }

    @Override
    public void end(BenchResult r) {
        Json j = event("end").put("mode", r.start().spec().modeName()).put("seconds", r.seconds());
        switch (r.summary()) {
            case Summary.Throughput t -> {
                j.put("sent_bytes", t.sentBytes()).put("received_bytes", t.receivedBytes())
                        .put("sender_bits_per_s", t.sentBytes() * 8 / r.seconds()).put("receiver_bits_per_s", t.receivedBytes() * 8 / r.seconds());
                StringBuilder streams = new StringBuilder("[");
                for (Summary.StreamTotals s : t.streams()) {
                    streams.append(streams.length() > 1 ? "," : "").append(Json.object().put("stream", s.label())
                            .put("sender", s.clientSends() ? "client" : "server").put("sent_bytes", s.sentBytes())
                            .put("received_bytes", s.receivedBytes()).put("datagrams_sent", s.sentDatagrams())
                            .put("datagrams_received", s.receivedDatagrams()).put("lost", s.lost())
                            .put("out_of_order", s.outOfOrder()).put("jitter_us", s.jitterNanos() / 1e3));
                }
                j.putRaw("streams", streams.append(']').toString());
            }
            case Summary.Latency l -> percentiles(j.put("round_trips", l.roundTrips()).put("round_trips_per_s", l.roundTrips() / r.seconds())
                    .put("lost", l.lost()), l.percentiles(), l.bins());
            case Summary.Connect c -> percentiles(j.put("connects", c.connects()).put("connects_per_s", c.connects() / r.seconds())
                    .put("failed", c.failed()), c.percentiles(), c.bins());
            case Summary.Conns c -> j.put("requested", c.requested()).put("opened", c.opened()).put("alive", c.alive())
                    .put("server_held", c.serverHeld());
        }
        print(j);
    }

    /** The {@code error} event. */
    void error(String message) {
        print(event("error").put("message", message));
    }

    private static Json percentiles(Json j, Percentiles p, List<Histogram.Bin> bins) {
        j.put("min_us", p.min() / 1e3).put("p50_us", p.p50() / 1e3).put("p90_us", p.p90() / 1e3).put("p99_us", p.p99() / 1e3)
                .put("p999_us", p.p999() / 1e3).put("max_us", p.max() / 1e3).put("mean_us", p.mean() / 1e3);
        StringBuilder h = new StringBuilder("[");
        for (Histogram.Bin b : bins) {
            h.append(h.length() > 1 ? "," : "").append('[').append(b.low()).append(',').append(b.high()).append(',').append(b.count()).append(']');
        }
        return j.putRaw("histogram_ns", h.append(']').toString());
    }

    private static String strings(List<String> values) {
        StringBuilder s = new StringBuilder("[");
        for (String v : values) {
            s.append(s.length() > 1 ? "," : "").append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return s.append(']').toString();
    }

    private static String longs(List<Long> values) {
        StringBuilder s = new StringBuilder("[");
        for (long v : values) {
            s.append(s.length() > 1 ? "," : "").append(v);
        }
        return s.append(']').toString();
    }
}
