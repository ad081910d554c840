package dev.sockit.cli;

import dev.sockit.bench.BenchListener;
import dev.sockit.bench.BenchResult;
import dev.sockit.bench.BenchStart;
import dev.sockit.bench.Histogram;
import dev.sockit.bench.Interval;
import dev.sockit.bench.Percentiles;
import dev.sockit.bench.Summary;
import dev.sockit.bench.TestSpec;
import dev.sockit.bench.Units;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code sockit bench}'s plain output: a table like iperf3's, an interval per line, then a summary. */
final class BenchText implements BenchListener {
    private static final String RULE = "- - - - - - - - - - - - - - - - - - - - - - - - - - - - -";
    private final PrintWriter out;
    private BenchStart start;
    private boolean headed;

    BenchText(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void start(BenchStart s) {
        start = s;
        TestSpec t = s.spec();
        String what = switch (t.mode()) {
            case THROUGHPUT -> t.directionName() + ", " + t.streams() + (t.streams() == 1 ? " stream" : " streams") + ", " + t.length() + "-byte "
                    + (t.protocol() == TestSpec.Protocol.UDP ? "datagrams" + (t.rate() > 0 ? " at " + Units.bits(t.rate()) : "") : "writes");
            case LATENCY -> t.connections() + (t.connections() == 1 ? " connection x " : " connections x ") + t.length() + " bytes, depth " + t.depth() + ", "
                    + s.streams().size() + " loop" + (s.streams().size() == 1 ? "" : "s") + (t.rate() > 0 ? ", " + t.rate() + " round trips/s" : ", as fast as possible");
            case CONNECT -> s.streams().size() + " connector" + (s.streams().size() == 1 ? "" : "s");
            case CONNS -> t.connections() + (t.connections() == 1 ? " connection held" : " connections held");
        };
        out.printf(Locale.ROOT, "sockit bench: %s %s to %s%s: %s, %.2f s%s%n", t.modeName(), t.protocolName(), s.target(),
                s.echoPeer() ? " (echo peer)" : "", what, t.duration().toMillis() / 1e3,
                t.warmup().isZero() ? "" : String.format(Locale.ROOT, " after %.2f s warm-up", t.warmup().toMillis() / 1e3));
        out.flush();
    }

    private String header() {
        return switch (start.unit()) {
            case "bytes" -> "[ ID] Interval           Transfer      Bitrate";
            case "round_trips" -> "[ ID] Interval           Round trips   Rate";
            case "connects" -> "[ ID] Interval           Connects      Rate";
            default -> "[ ID] Interval           Open";
        };
    }

    @Override
    public void interval(Interval i) {
        if (!headed) {
            out.println(header());
            headed = true;
        }
        List<Long> v = i.values();
        for (int s = 0; s < v.size(); s++) {
            out.println(row(Integer.toString(s), i.start(), i.end(), v.get(s), ""));
        }
        if (v.size() > 1 && !start.unit().equals("open")) {
            out.println(row("SUM", i.start(), i.end(), i.total(), ""));
        }
        out.flush();
    }

    private String row(String id, double from, double to, long value, String tail) {
        double seconds = Math.max(to - from, 1e-9);
        String cells = switch (start.unit()) {
            case "bytes" -> String.format(Locale.ROOT, "%-13s %s", Units.bytes(value), Units.bits(value * 8 / seconds));
            case "round_trips", "connects" -> String.format(Locale.ROOT, "%-13d %s/s", value, Units.rate(value / seconds));
            default -> Long.toString(value);
        };
        return String.format(Locale.ROOT, "[%3s] %6.2f-%-6.2f sec  %s%s", id, from, to, cells, tail);
    }

    @Override
    public void end(BenchResult r) {
        if (headed) {
            out.println(RULE);
        }
        double secs = r.seconds();
        switch (r.summary()) {
            case Summary.Throughput t -> throughput(t, secs);
            case Summary.Latency l -> {
                out.printf(Locale.ROOT, "%d round trips in %.2f s: %s round trips/s%s%n", l.roundTrips(), secs, Units.rate(l.roundTrips() / secs),
                        l.lost() > 0 ? ", " + l.lost() + " lost" : "");
                distribution("latency", l.percentiles(), l.bins());
            }
            case Summary.Connect c -> {
                out.printf(Locale.ROOT, "%d connects in %.2f s: %s connects/s%s%n", c.connects(), secs, Units.rate(c.connects() / secs),
                        c.failed() > 0 ? ", " + c.failed() + " failed" : "");
                distribution("connect time", c.percentiles(), c.bins());
            }
            case Summary.Conns c -> out.printf(Locale.ROOT, "%d connections asked, %d opened, %d still open after %.2f s%s%n",
                    c.requested(), c.opened(), c.alive(), secs, c.serverHeld() < 0 ? "" : "; the server held " + c.serverHeld());
        }
        out.flush();
    }

    private void throughput(Summary.Throughput t, double secs) {
        boolean udp = start.spec().protocol() == TestSpec.Protocol.UDP;
        out.println("[ ID] Interval           Transfer      Bitrate" + (udp ? "            Jitter     Lost/Total" : ""));
        for (int i = 0; i < t.streams().size(); i++) {
            Summary.StreamTotals s = t.streams().get(i);
            String id = Integer.toString(i);
            out.println(row(id, 0, secs, s.sentBytes(), "  sender"));
            String tail = udp ? String.format(Locale.ROOT, "  %-9s %d/%d (%.2g%%)", Units.nanos(s.jitterNanos()), s.lost(), s.sentDatagrams(),
                    s.sentDatagrams() == 0 ? 0.0 : 100.0 * s.lost() / s.sentDatagrams()) : "";
            out.println(row(id, 0, secs, s.receivedBytes(), "  receiver" + tail));
        }
        if (t.streams().size() > 1) {
            out.println(row("SUM", 0, secs, t.sentBytes(), "  sender"));
            out.println(row("SUM", 0, secs, t.receivedBytes(), "  receiver"));
        }
        if (udp) {
            long sent = t.streams().stream().mapToLong(Summary.StreamTotals::sentDatagrams).sum();
            long got = t.streams().stream().mapToLong(Summary.StreamTotals::receivedDatagrams).sum();
            out.printf(Locale.ROOT, "datagrams: %d sent (%s/s), %d received (%s/s)%n", sent, Units.rate(sent / secs), got, Units.rate(got / secs));
        }
    }

    private void distribution(String what, Percentiles p, List<Histogram.Bin> bins) {
        out.printf(Locale.ROOT, "%s: min %s  p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  mean %s%n", what, Units.nanos(p.min()), Units.nanos(p.p50()),
                Units.nanos(p.p90()), Units.nanos(p.p99()), Units.nanos(p.p999()), Units.nanos(p.max()), Units.nanos(p.mean()));
        long most = bins.stream().mapToLong(Histogram.Bin::count).max().orElse(1);
        int step = Math.max(1, (bins.size() + 11) / 12);
        for (int i = 0; i < bins.size(); i += step) {
            long count = 0;
            long high = bins.get(i).high();
            for (int j = i; j < Math.min(bins.size(), i + step); j++) {
                count += bins.get(j).count();
                high = bins.get(j).high();
            }
            int bar = (int) Math.round(40.0 * count / (most * step));
            out.printf(Locale.ROOT, "  %10s - %-10s %-40s %d%n", Units.nanos(bins.get(i).low()), Units.nanos(high), "#".repeat(Math.max(bar, count > 0 ? 1 : 0)), count);
        }
    }
}
