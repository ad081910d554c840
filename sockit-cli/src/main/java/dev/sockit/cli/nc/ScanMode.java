package dev.sockit.cli.nc;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.GaiException;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.IpAddress;
import dev.sockit.addr.SocketType;
import dev.sockit.net.ConnectionRefusedException;
import dev.sockit.net.HostUnreachableException;
import dev.sockit.net.Socket;
import dev.sockit.net.SocketTimedOutException;
import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * {@code sockit -z [options] HOST PORT...}: the zero-I/O scan. Each PORT operand is a port, a
 * range or a list ({@code 20-30,80,443}); ports are probed at most {@value #CONCURRENCY} at a
 * time, each within {@code -w} (default {@code 2s} for TCP, {@code 1s} for UDP), and reported
 * in the order given ({@code -r}: a random order), exactly one stdout line each:
 * {@code HOST PORT PROTO STATE}.
 *
 * <p>States. TCP: {@code open} (connected, then closed at once), {@code closed} (refused),
 * {@code filtered} (no answer within the time, or unreachable). UDP, on a connected socket
 * that sends a one-byte datagram (a newline): {@code open} (an answer came), {@code closed} (ICMP port
 * unreachable, seen as {@code ECONNREFUSED}), {@code open|filtered} (neither, in time).
 *
 * <p>Exit status 0 only if every port is open ({@code --any}: if any is), else 1; any other
 * failure is reported as an error and gives 1.
 */
final class ScanMode {
    static final int CONCURRENCY = 32;
    static final Duration TCP_TIMEOUT = Duration.ofSeconds(2);
    static final Duration UDP_TIMEOUT = Duration.ofSeconds(1);
    /** The UDP probe: one byte, as the JDK sends no empty datagram on a connected channel. */
    private static final byte[] PROBE = {'\n'};

    private record Probe(String state, Optional<String> error) {
    }

    private ScanMode() {
    }

    static int run(NetcatOptions options, List<String> operands, EventLog events) {
        if (operands.size() < 2) {
            throw new UsageError(operands.isEmpty() ? "-z needs HOST and PORT" : "-z needs PORT after HOST " + operands.get(0));
        }
        String host = operands.get(0);
        Set<Integer> unique = new LinkedHashSet<>();
        for (String operand : operands.subList(1, operands.size())) {
            unique.addAll(PortSpec.list("PORT", operand));
        }
        List<Integer> ports = new ArrayList<>(unique);
        if (options.randomOrder) {
            Collections.shuffle(ports, new SecureRandom());
        }
        SocketTuning tuning = SocketTuning.of(options);
        Optional<IpAddress> source = Endpoints.source(options);
        AddressFamily family = source.map(IpAddress::family).orElse(Endpoints.family(options));
        SocketType type = options.udp ? SocketType.SOCK_DGRAM : SocketType.SOCK_STREAM;
        IpAddress address;
        try {
            address = Endpoints.resolve(host, ports.get(0), family, options.noDns, type).get(0).address();
        } catch (GaiException e) {
            events.error(e.getMessage(), ExitStatus.NETWORK);
            return ExitStatus.NETWORK;
        }
        Duration timeout = options.connectTimeout != null ? options.connectTimeout : options.udp ? UDP_TIMEOUT : TCP_TIMEOUT;
        String proto = options.udp ? "udp" : "tcp";
        PrintStream out = System.out;
        int open = 0;
        boolean failed = false;
        Semaphore permits = new Semaphore(CONCURRENCY);
        try (ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Probe>> results = new ArrayList<>();
            for (int port : ports) {
                InetSockAddr target = InetSockAddr.of(address, port);
                results.add(probes.submit(() -> {
                    permits.acquire();
                    try {
                        return options.udp ? probeUdp(target, timeout, tuning, source) : probeTcp(target, timeout, tuning, source);
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (int i = 0; i < ports.size(); i++) {
                Probe probe = await(results.get(i));
                if (probe.error().isPresent()) {
                    events.error(probe.error().get(), ExitStatus.NETWORK);
                    failed = true;
                    continue;
                }
                out.println(host + " " + ports.get(i) + " " + proto + " " + probe.state());
                out.flush();
                events.scan(host, ports.get(i), proto, probe.state());
                open += probe.state().equals("open") ? 1 : 0;
            }
        }
        boolean success = options.anyOpen ? open > 0 : open == ports.size();
        return success && !failed ? ExitStatus.OK : ExitStatus.NETWORK;
    }

    private static Probe await(Future<Probe> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe("", Optional.of("scan interrupted"));
        } catch (ExecutionException e) {
            return new Probe("", Optional.of(String.valueOf(e.getCause().getMessage())));
        }
    }

    private static Probe probeTcp(InetSockAddr target, Duration timeout, SocketTuning tuning, Optional<IpAddress> source) {
        try (Socket socket = Socket.socket(target.family(), SocketType.SOCK_STREAM)) {
            prepare(socket, tuning, source);
            socket.settimeout(timeout);
            socket.connect(target);
            return new Probe("open", Optional.empty());
        } catch (ConnectionRefusedException e) {
            return new Probe("closed", Optional.empty());
        } catch (SocketTimedOutException | HostUnreachableException e) {
            return new Probe("filtered", Optional.empty());
        } catch (IOException e) {
            return new Probe("", Optional.of(e.getMessage()));
        }
    }

    private static Probe probeUdp(InetSockAddr target, Duration timeout, SocketTuning tuning, Optional<IpAddress> source) {
        try (Socket socket = Socket.socket(target.family(), SocketType.SOCK_DGRAM)) {
            prepare(socket, tuning, source);
            socket.connect(target);
            socket.settimeout(timeout);
            socket.send(PROBE, 0);
            socket.recv(1, 0);
            return new Probe("open", Optional.empty());
        } catch (ConnectionRefusedException e) {
            return new Probe("closed", Optional.empty());
        } catch (SocketTimedOutException e) {
            return new Probe("open|filtered", Optional.empty());
        } catch (IOException e) {
            return new Probe("", Optional.of(e.getMessage()));
        }
    }

    private static void prepare(Socket socket, SocketTuning tuning, Optional<IpAddress> source) throws IOException {
        tuning.apply(socket);
        if (source.isPresent()) {
            socket.bind(InetSockAddr.of(source.get(), 0));
        }
    }
}
