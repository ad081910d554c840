package dev.sockit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sockit bench} as a user runs it: a real server process and client processes on
 * loopback, short runs ({@code -t 300ms}), every mode and flag; JSON events parsed, counts
 * checked for consistency (never for speed).
 */
class BenchCommandTest {
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static Spawned server;
    private static String port;

    @BeforeAll
    static void startServer() throws Exception {
        server = Spawned.sockit("bench", "server", "-p", "0", "-B", "127.0.0.1", "--serve-for", "120s");
        port = portOf(server);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static String portOf(Spawned s) throws InterruptedException {
        Matcher m = LISTENING.matcher(s.awaitStdout(out -> LISTENING.matcher(out).find()));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static List<String> client(String... args) {
        List<String> all = new ArrayList<>(List.of("bench", "client", "127.0.0.1", "-p", port));
        all.addAll(List.of(args));
        return all;
    }

    /** Runs a client with --json; checks exit 0 and the event stream's shape; returns the events. */
    private static List<Map<String, Object>> json(List<String> args) throws Exception {
        List<String> all = new ArrayList<>(args);
        all.add("--json");
        SockitProcess.Result r = SockitProcess.run(all.toArray(String[]::new));
        assertThat(r.exitCode()).as("exit; stderr: %s", r.stderr()).isZero();
        List<Map<String, Object>> events = r.stdout().lines().map(JsonReader::object).toList();
        assertThat(events).isNotEmpty();
        assertThat(events.get(0)).containsEntry("event", "start");
        assertThat(events.get(events.size() - 1)).containsEntry("event", "end");
        double lastMono = 0;
        for (Map<String, Object> e : events) {
            assertThat(e).containsKeys("event", "ts", "mono_ns");
            Instant.parse((String) e.get("ts"));
            assertThat((Double) e.get("mono_ns")).isGreaterThanOrEqualTo(lastMono);
            lastMono = (Double) e.get("mono_ns");
        }
        return events;
    }

    private static Map<String, Object> end(List<Map<String, Object>> events) {
        return events.get(events.size() - 1);
    }

    private static long num(Map<String, Object> m, String key) {
        assertThat(m).containsKey(key);
        return Math.round((Double) m.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> streams(Map<String, Object> end) {
        return (List<Map<String, Object>>) end.get("streams");
    }

    @Test
    void throughputTcp_json_intervalsAndEveryByteCountedByTheServer() throws Exception {
        List<Map<String, Object>> events = json(client("throughput", "-t", "400ms", "-i", "100ms", "-l", "64K"));
        Map<String, Object> start = events.get(0);
        assertThat(start).containsEntry("mode", "throughput").containsEntry("proto", "tcp").containsEntry("direction", "forward")
                .containsEntry("unit", "bytes");
        assertThat(num(start, "length")).isEqualTo(65536);
        List<Map<String, Object>> intervals = events.stream().filter(e -> "interval".equals(e.get("event"))).toList();
        assertThat(intervals).hasSizeBetween(3, 5);
        assertThat(intervals.get(0)).containsKeys("index", "start_s", "end_s", "total", "per_s", "streams");
        Map<String, Object> end = end(events);
        assertThat(num(end, "sent_bytes")).isPositive().isEqualTo(num(end, "received_bytes"));
        assertThat(streams(end)).hasSize(1);
        assertThat(streams(end).get(0)).containsEntry("sender", "client");
    }

    @Test
    void throughputTcp_reverseParallel_eachStreamReceives() throws Exception {
        Map<String, Object> end = end(json(client("throughput", "-R", "-P", "2", "-t", "300ms")));
        assertThat(streams(end)).hasSize(2).allSatisfy(s -> {
            assertThat(s).containsEntry("sender", "server");
            assertThat(num(s, "received_bytes")).isPositive();
            assertThat(num(s, "sent_bytes")).isGreaterThanOrEqualTo(num(s, "received_bytes"));
        });
    }

    @Test
    void throughputTcp_bidir_oneStreamEachWay() throws Exception {
        Map<String, Object> end = end(json(client("throughput", "--bidir", "-t", "300ms")));
        assertThat(streams(end)).extracting(s -> s.get("sender")).containsExactly("client", "server");
        assertThat(streams(end)).allSatisfy(s -> assertThat(num(s, "received_bytes")).isPositive());
    }

    @Test
    void throughputUdp_rate_lossIsSentMinusReceived() throws Exception {
        Map<String, Object> end = end(json(client("throughput", "-u", "-b", "20M", "-l", "200", "-t", "300ms", "--warmup", "100ms")));
        Map<String, Object> s = streams(end).get(0);
        assertThat(num(s, "datagrams_sent")).isPositive();
        assertThat(num(s, "datagrams_received")).isPositive();
        assertThat(s).containsKeys("lost", "out_of_order", "jitter_us");
        assertThat(num(s, "lost")).isGreaterThanOrEqualTo(0);
        // 20 Mbit/s of 200-byte datagrams for 0.3 s is 3750; the pacing never sends ahead of schedule.
        assertThat(num(s, "datagrams_sent")).isLessThanOrEqualTo(3750 + 100);
    }

    @Test
    void throughputUdp_reverse_clientCountsWhatArrives() throws Exception {
        Map<String, Object> end = end(json(client("throughput", "-u", "-R", "-b", "10M", "-t", "300ms")));
        Map<String, Object> s = streams(end).get(0);
        assertThat(s).containsEntry("sender", "server");
        assertThat(num(s, "datagrams_received")).isPositive();
    }

    @Test
    void latencyTcp_manyConnectionsAndDepth_percentilesOrderedAndHistogram() throws Exception {
        List<Map<String, Object>> events = json(client("latency", "-c", "8", "--depth", "2", "-P", "2", "-l", "100", "-t", "300ms"));
        assertThat(events.get(0)).containsEntry("unit", "round_trips");
        Map<String, Object> end = end(events);
        assertThat(num(end, "round_trips")).isPositive();
        assertThat(List.of(num(end, "min_us"), num(end, "p50_us"), num(end, "p90_us"), num(end, "p99_us"), num(end, "p999_us"), num(end, "max_us")))
                .isSorted();
        assertThat((List<?>) end.get("histogram_ns")).isNotEmpty();
    }

    @Test
    void latencyTcp_fixedRate_neverSendsAheadOfTheSchedule() throws Exception {
        Map<String, Object> end = end(json(client("latency", "--rate", "1000", "-c", "2", "-t", "500ms")));
        assertThat(num(end, "round_trips")).isPositive().isLessThanOrEqualTo(500 + 2);
    }

    @Test
    void latencyUdp_echoedByTheServer() throws Exception {
        Map<String, Object> end = end(json(client("latency", "-u", "-c", "2", "-t", "300ms")));
        assertThat(num(end, "round_trips")).isPositive();
    }

    @Test
    void latency_echoPeer_measuresAPlainEchoServer() throws Exception {
        String script = "import socket,threading\n"
                + "s=socket.socket(); s.bind(('127.0.0.1',0)); s.listen(16); print(s.getsockname()[1], flush=True)\n"
                + "def echo(c):\n  with c:\n    while (d := c.recv(65536)): c.sendall(d)\n"
                + "s.settimeout(30)\n"
                + "while True:\n  c,_ = s.accept(); threading.Thread(target=echo, args=(c,), daemon=True).start()\n";
        try (Spawned echo = Spawned.start(List.of("python3", "-c", script))) {
            String echoPort = echo.awaitStdout(out -> out.contains("\n")).trim();
            Map<String, Object> end = end(json(List.of("bench", "client", "127.0.0.1", "-p", echoPort, "--echo-peer", "latency", "-c", "3", "-t", "300ms")));
            assertThat(num(end, "round_trips")).isPositive();
        }
    }

    @Test
    void latencyUdp_andConns_echoPeer_measureAPlainServer() throws Exception {
        // A TCP listener and a UDP echo on one port: a free TCP port whose UDP twin is free too (bounded tries).
        String script = "import socket\n"
                + "for _ in range(100):\n"
                + "  t=socket.socket(); t.bind(('127.0.0.1',0)); u=socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                + "  try:\n    u.bind(('127.0.0.1', t.getsockname()[1])); break\n"
                + "  except OSError:\n    t.close(); u.close()\n"
                + "t.listen(64)\n"
                + "print(u.getsockname()[1], flush=True)\n"
                + "u.settimeout(30)\n"
                + "while True:\n  d,a = u.recvfrom(65536); u.sendto(d, a)\n";
        try (Spawned echo = Spawned.start(List.of("python3", "-c", script))) {
            String echoPort = echo.awaitStdout(out -> out.contains("\n")).trim();
            Map<String, Object> udp = end(json(List.of("bench", "client", "127.0.0.1", "-p", echoPort, "--echo-peer", "-u", "latency", "-t", "300ms")));
            assertThat(num(udp, "round_trips")).isPositive();
            Map<String, Object> conns = end(json(List.of("bench", "client", "127.0.0.1", "-p", echoPort, "--echo-peer", "conns", "-c", "5", "-t", "200ms")));
            assertThat(num(conns, "alive")).isEqualTo(5);
            assertThat(num(conns, "server_held")).isEqualTo(-1);
        }
    }

    @Test
    void connect_countsConnectsAndTimes() throws Exception {
        Map<String, Object> end = end(json(client("connect", "-c", "2", "-t", "300ms")));
        assertThat(num(end, "connects")).isPositive();
        assertThat(num(end, "failed")).isZero();
        assertThat(end).containsKeys("connects_per_s", "p50_us", "p99_us", "histogram_ns");
    }

    @Test
    void conns_serverHoldsThemAll() throws Exception {
        List<Map<String, Object>> events = json(client("conns", "-c", "30", "-t", "300ms", "-i", "100ms"));
        assertThat(events).filteredOn(e -> "interval".equals(e.get("event"))).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("streams")).isEqualTo(List.of(30.0)));
        Map<String, Object> end = end(events);
        assertThat(num(end, "opened")).isEqualTo(30);
        assertThat(num(end, "alive")).isEqualTo(30);
        assertThat(num(end, "server_held")).isEqualTo(30);
    }

    @Test
    void conns_serverWithAConnectionLimit_keepsOnlyThatMany() throws Exception {
        try (Spawned small = Spawned.sockit("bench", "server", "-p", "0", "-B", "127.0.0.1", "--max-conns", "11", "--serve-for", "60s")) {
            String p = portOf(small);
            Map<String, Object> end = end(json(List.of("bench", "client", "127.0.0.1", "-p", p, "conns", "-c", "20", "-t", "300ms")));
            // One connection is the control connection: 10 are left for holding.
            assertThat(num(end, "server_held")).isEqualTo(10);
            assertThat(num(end, "alive")).isEqualTo(10);
        }
    }

    @Test
    void server_servesSessionsConcurrently() throws Exception {
        try (Spawned longRun = Spawned.sockit(client("conns", "-c", "2", "-t", "60s", "-i", "0").toArray(String[]::new))) {
            server.awaitStdout(out -> out.contains("conns tcp connections 2"));
            SockitProcess.Result a = SockitProcess.run(client("throughput", "-t", "300ms").toArray(String[]::new));
            SockitProcess.Result b = SockitProcess.run(client("latency", "-t", "300ms").toArray(String[]::new));
            assertThat(longRun.isAlive()).as("the first session still runs").isTrue();
            assertThat(a.exitCode()).as(a.stderr()).isZero();
            assertThat(b.exitCode()).as(b.stderr()).isZero();
        }
    }

    @Test
    void server_sessionLimit_refusesTheNextClient_exit1() throws Exception {
        try (Spawned one = Spawned.sockit("bench", "server", "-p", "0", "-B", "127.0.0.1", "--max-sessions", "1", "--serve-for", "60s")) {
            String p = portOf(one);
            try (Spawned first = Spawned.sockit("bench", "client", "127.0.0.1", "-p", p, "conns", "-c", "1", "-t", "60s", "-i", "0")) {
                one.awaitStdout(out -> out.contains("session "));
                SockitProcess.Result r = SockitProcess.run("bench", "client", "127.0.0.1", "-p", p, "-t", "300ms");
                assertThat(r.exitCode()).isEqualTo(1);
                assertThat(errors(r)).singleElement().asString().startsWith("sockit: ").contains("refused the test: busy: 1 sessions running");
                assertThat(first.isAlive()).as("the session that holds the only place").isTrue();
            }
        }
    }

    @Test
    void server_tooLongTest_isRefused() throws Exception {
        try (Spawned shortServer = Spawned.sockit("bench", "server", "-p", "0", "-B", "127.0.0.1", "--max-time", "1s", "--serve-for", "60s")) {
            String p = portOf(shortServer);
            SockitProcess.Result r = SockitProcess.run("bench", "client", "127.0.0.1", "-p", p, "-t", "2s");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.stderr()).contains("test too long");
        }
    }

    @Test
    void text_isATableWithIntervalsAndASummary() throws Exception {
        SockitProcess.Result r = SockitProcess.run(client("throughput", "-t", "300ms", "-i", "100ms").toArray(String[]::new));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("sockit bench: throughput tcp to 127.0.0.1:" + port).contains("[ ID] Interval")
                .contains("Bitrate").containsPattern("\\[  0\\]\\s+0\\.00-0\\.10\\s+sec").contains("sender").contains("receiver");
        SockitProcess.Result lat = SockitProcess.run(client("latency", "-t", "300ms").toArray(String[]::new));
        assertThat(lat.stdout()).contains("round trips/s").contains("p99.9").contains("#");
    }

    @Test
    void report_isASelfContainedPageWithCharts(@TempDir Path dir) throws Exception {
        Path throughput = dir.resolve("t.html");
        Path latency = dir.resolve("l.html");
        assertThat(SockitProcess.run(client("throughput", "-P", "2", "-t", "300ms", "-i", "100ms", "--report", throughput.toString()).toArray(String[]::new))
                .exitCode()).isZero();
        assertThat(SockitProcess.run(client("latency", "-t", "300ms", "--report", latency.toString()).toArray(String[]::new)).exitCode()).isZero();
        for (Path page : List.of(throughput, latency)) {
            String html = Files.readString(page);
            assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").doesNotContainIgnoringCase("http://")
                    .doesNotContainIgnoringCase("https://").doesNotContain("<script");
        }
        assertThat(Files.readString(throughput)).contains("<path class=\"series\"").contains("<title>total</title>");
        assertThat(Files.readString(latency)).contains("<rect class=\"bar\"").contains("Latency histogram");
    }

    @Test
    void loopback_everyMode() throws Exception {
        for (String mode : List.of("throughput", "latency", "connect", "conns")) {
            Map<String, Object> end = end(json(List.of("bench", "loopback", mode, "-t", "300ms", "-i", "0")));
            assertThat(end).containsEntry("mode", mode);
        }
    }

    /** stderr without the CPU-sharing warning (a client and server on one machine share CPUs unless pinned). */
    private static List<String> errors(SockitProcess.Result r) {
        return r.stderr().lines().filter(l -> !l.startsWith("sockit: warning: ")).toList();
    }

    @Test
    void pin_runsOnTheGivenCpu_andWarnsOfTheServerSharingIt() throws Exception {
        SockitProcess.Result r = SockitProcess.run(client("connect", "-t", "200ms", "--pin", "0", "--json").toArray(String[]::new));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).startsWith("sockit: warning: the client shares CPUs 0 with the server it measures (pid " + server.pid() + ")");
        assertThat(r.stdout()).contains("\"event\":\"end\"");
    }

    @Test
    void refusedConnection_exit1_errnoInOneLine_andAnErrorEvent() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        SockitProcess.Result r = SockitProcess.run("bench", "client", "127.0.0.1", "-p", Integer.toString(closed), "-t", "300ms");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("sockit: ").contains("ECONNREFUSED (111): Connection refused");
        assertThat(r.stderr().lines()).hasSize(1);
        SockitProcess.Result j = SockitProcess.run("bench", "client", "127.0.0.1", "-p", Integer.toString(closed), "--echo-peer", "latency", "--json");
        assertThat(j.exitCode()).isEqualTo(1);
        Map<String, Object> error = JsonReader.object(j.stdout().strip());
        assertThat(error).containsEntry("event", "error").containsKeys("ts", "mono_ns");
        assertThat((String) error.get("message")).contains("ECONNREFUSED (111): Connection refused");
    }

    @Test
    void usageErrors_exit2_withOneLine() throws Exception {
        List<List<String>> bad = List.of(
                List.of("bench"),
                List.of("bench", "client"),
                List.of("bench", "client", "127.0.0.1", "sideways"),
                List.of("bench", "client", "127.0.0.1", "-l", "0"),
                List.of("bench", "client", "127.0.0.1", "-t", "soon"),
                List.of("bench", "client", "127.0.0.1", "-R", "--bidir"),
                List.of("bench", "client", "127.0.0.1", "-b", "1M"),
                List.of("bench", "client", "127.0.0.1", "latency", "-R"),
                List.of("bench", "client", "127.0.0.1", "-u", "-l", "8"),
                List.of("bench", "client", "127.0.0.1", "-P", "0"),
                List.of("bench", "client", "127.0.0.1", "-p", "70000"),
                List.of("bench", "client", "127.0.0.1", "--pin", "first"),
                List.of("bench", "loopback", "conns", "-u"),
                List.of("bench", "server", "-p", "-1"));
        for (List<String> args : bad) {
            SockitProcess.Result r = SockitProcess.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as("%s: %s", args, r.stderr()).isEqualTo(2);
            assertThat(r.stderr()).as("%s", args).startsWith("sockit: ");
            assertThat(r.stderr().lines()).as("%s", args).hasSize(1);
        }
    }
}
