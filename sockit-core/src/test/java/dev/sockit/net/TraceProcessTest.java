package dev.sockit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace end to end: {@link TraceDemo} runs in a JVM of its own with
 * {@code -Dsockit.trace=stdout} ({@link Trace#ENABLED} is fixed per JVM) and must print
 * {@link #EXPECTED}; and its twin in C, {@code src/test/c/trace_demo.c}, run under strace, must
 * print the same, which ties the expected lines to what strace really prints (skipped where
 * {@code gcc} or {@code strace} is missing or cannot trace).
 *
 * <p>Descriptors, ports and the time {@code select} left differ from run to run, so both traces
 * are {@link #normalize normalized} first: each socket is named by the order it was created in
 * ({@code fd1}, {@code fd2}, ...; a number the kernel hands out again names a new socket), each
 * port by the order it first appears in, {@code select}'s first argument becomes {@code nfds}
 * and its time left {@code {...}}. Everything else must match exactly.
 */
class TraceProcessTest {
    /** What both print, normalized; {@code PATH} is the UNIX socket's path, {@code PATHLEN} its length written back. */
    private static final String EXPECTED = """
            socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = fd1
            setsockopt(fd1, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0
            bind(fd1, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
            listen(fd1, 5) = 0
            getsockname(fd1, {sa_family=AF_INET, sin_port=htons(port1), sin_addr=inet_addr("127.0.0.1")}, [16]) = 0
            socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = fd2
            connect(fd2, {sa_family=AF_INET, sin_port=htons(port1), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
            accept(fd1, {sa_family=AF_INET, sin_port=htons(port2), sin_addr=inet_addr("127.0.0.1")}, [16]) = fd3
            sendto(fd2, "hello\\n", 6, 0, NULL, 0) = 6
            select(nfds, [fd1 fd3], [], [], {tv_sec=1, tv_usec=0}) = 1 (in [fd3], left {...})
            recvfrom(fd3, "hello\\n", 255, 0, NULL, NULL) = 6
            recvfrom(fd3, "", 255, MSG_DONTWAIT, NULL, NULL) = -1 EAGAIN (Resource temporarily unavailable)
            sendto(fd3, "I got your message", 18, 0, NULL, 0) = 18
            poll([{fd=fd2, events=POLLIN}, {fd=fd1, events=POLLIN}], 2, -1) = 1 ([{fd=fd2, revents=POLLIN}])
            recvfrom(fd2, "I got your message", 255, MSG_PEEK, NULL, NULL) = 18
            recvfrom(fd2, "I got your message", 255, 0, NULL, NULL) = 18
            sendto(fd3, "012\\1\\0021\\r\\n\\t\\"\\\\\\37701234567890123456789"..., 43, 0, NULL, 0) = 43
            recvfrom(fd2, "012", 3, MSG_WAITALL, NULL, NULL) = 3
            recvfrom(fd2, "\\1\\0021\\r\\n\\t\\"\\\\\\37701234567890123456789012"..., 255, 0, NULL, NULL) = 40
            shutdown(fd2, SHUT_WR) = 0
            recvfrom(fd3, "", 255, 0, NULL, NULL) = 0
            getpeername(fd3, {sa_family=AF_INET, sin_port=htons(port2), sin_addr=inet_addr("127.0.0.1")}, [16]) = 0
            getsockopt(fd2, SOL_SOCKET, SO_ERROR, [0], [4]) = 0
            close(fd3) = 0
            close(fd2) = 0
            close(fd1) = 0
            socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = fd4
            connect(fd4, {sa_family=AF_INET, sin_port=htons(port1), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused)
            close(fd4) = 0
            socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP) = fd5
            bind(fd5, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
            getsockname(fd5, {sa_family=AF_INET, sin_port=htons(port3), sin_addr=inet_addr("127.0.0.1")}, [16]) = 0
            socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = fd6
            sendto(fd6, "hi", 2, 0, {sa_family=AF_INET, sin_port=htons(port3), sin_addr=inet_addr("127.0.0.1")}, 16) = 2
            recvfrom(fd5, "hi", 1024, 0, {sa_family=AF_INET, sin_port=htons(port4), sin_addr=inet_addr("127.0.0.1")}, [16]) = 2
            sendto(fd5, "ACK: hi", 7, 0, {sa_family=AF_INET, sin_port=htons(port4), sin_addr=inet_addr("127.0.0.1")}, 16) = 7
            recvfrom(fd6, "ACK: hi", 1024, 0, NULL, NULL) = 7
            select(nfds, [fd5], [], [], {tv_sec=0, tv_usec=10000}) = 0 (Timeout)
            close(fd5) = 0
            close(fd6) = 0
            socket(AF_UNIX, SOCK_STREAM, 0) = fd7
            bind(fd7, {sa_family=AF_UNIX, sun_path="PATH"}, 110) = 0
            listen(fd7, 1) = 0
            socket(AF_UNIX, SOCK_STREAM, 0) = fd8
            connect(fd8, {sa_family=AF_UNIX, sun_path="PATH"}, 110) = 0
            accept(fd7, {sa_family=AF_UNIX}, [110 => 2]) = fd9
            getpeername(fd8, {sa_family=AF_UNIX, sun_path="PATH"}, [110 => PATHLEN]) = 0
            close(fd9) = 0
            close(fd8) = 0
            close(fd7) = 0
            """;
    private static final String TRACED_CALLS = "socket,socketpair,bind,listen,accept,connect,sendto,recvfrom,shutdown,"
            + "close,setsockopt,getsockopt,getsockname,getpeername,select,poll";
    private static final long TIMEOUT_SECONDS = 60;

    @Test
    void traceOn_everyCallPrintsItsStraceLine(@TempDir Path directory) throws Exception {
        Path socketPath = directory.resolve("s");

        Run run = run(directory, java("-Dsockit.trace=stdout", socketPath.toString()));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(normalize(run.stdout().lines().toList())).containsExactlyElementsOf(expected(socketPath));
    }

    @Test
    void traceOff_printsNothing(@TempDir Path directory) throws Exception {
        Run run = run(directory, java("-Dsockit.trace=off", directory.resolve("s").toString()));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEmpty();
    }

    /** The C program's calls under strace 6.1 print what sockit prints for the Java program. */
    @Test
    void cTwinUnderStrace_printsTheSameLines(@TempDir Path directory) throws Exception {
        assumeTrue(available("gcc", "--version") && available("strace", "-V"), "gcc and strace");
        Path program = directory.resolve("trace_demo");
        Run compiled = run(directory, List.of("gcc", "-Wall", "-Werror", "-o", program.toString(),
                Path.of("src/test/c/trace_demo.c").toAbsolutePath().toString()));
        assertThat(compiled.exitCode()).as(compiled.stderr()).isZero();
        Path socketPath = directory.resolve("s");
        Path output = directory.resolve("strace.txt");

        Run traced = run(directory, List.of("strace", "-a0", "-qq", "-e", "trace=" + TRACED_CALLS, "-o",
                output.toString(), program.toString(), socketPath.toString()));
        assumeTrue(traced.exitCode() == 0 || !traced.stderr().contains("ptrace"), "strace may trace: " + traced.stderr());
        assertThat(traced.exitCode()).as(traced.stderr()).isZero();

        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(normalize(lines)).containsExactlyElementsOf(expected(socketPath));
    }

    // ---------------------------------------------------------------------------------------

    private static List<String> expected(Path socketPath) {
        String path = socketPath.toString();
        int written = 2 + path.getBytes(StandardCharsets.UTF_8).length + 1;
        return EXPECTED.replace("PATHLEN", Integer.toString(written)).replace("PATH", path).lines().toList();
    }

    private static final Pattern CALL = Pattern.compile("^(\\w+)\\((.*)\\) = (.*)$");
    private static final Pattern FIRST_FD = Pattern.compile("^(-?\\d+)");
    private static final Pattern SET = Pattern.compile("\\[([\\d ]+)]");
    private static final Pattern POLL_FD = Pattern.compile("fd=(-?\\d+)");
    private static final Pattern PORT = Pattern.compile("htons\\((\\d+)\\)");
    private static final Pattern NEW_FD = Pattern.compile("^(\\d+)$");

    /**
     * Names descriptors, ports and times as the class note says; drops lines that are no
     * call (strace's notes) and the closes of descriptors no traced call made (the C loader's).
     * Where strace shows the address of a buffer a failed {@code recvfrom} did not fill, puts
     * the trace's {@code ""} (see {@link Trace}).
     */
    static List<String> normalize(List<String> lines) {
        Map<String, String> live = new HashMap<>();
        Map<String, String> ports = new HashMap<>();
        int created = 0;
        List<String> normalized = new ArrayList<>();
        for (String line : lines) {
            Matcher call = CALL.matcher(line);
            if (!call.matches()) {
                continue;
            }
            String name = call.group(1);
            String args = call.group(2);
            String result = call.group(3);
            switch (name) {
                case "select" -> {
                    args = args.replaceFirst("^\\d+,", "nfds,");
                    args = replaceAll(SET, args, set -> "[" + mapSet(set, live) + "]");
                    result = replaceAll(SET, result, set -> "[" + mapSet(set, live) + "]")
                            .replaceAll("left \\{[^}]*}", "left {...}");
                }
                case "poll" -> {
                    args = replaceAll(POLL_FD, args, fd -> "fd=" + live.getOrDefault(fd, fd));
                    result = replaceAll(POLL_FD, result, fd -> "fd=" + live.getOrDefault(fd, fd));
                }
                case "socket", "socketpair" -> {
                    // No descriptor among the arguments.
                }
                default -> {
                    Matcher first = FIRST_FD.matcher(args);
                    if (first.find()) {
                        if (name.equals("close") && !live.containsKey(first.group(1))) {
                            continue;
                        }
                        args = live.getOrDefault(first.group(1), first.group(1)) + args.substring(first.end());
                    }
                }
            }
            if (name.equals("recvfrom")) {
                args = args.replaceFirst("^(\\w+), 0x[0-9a-f]+,", "$1, \"\",");
            }
            args = replaceAll(PORT, args, port -> "htons(" + (port.equals("0") ? "0"
                    : ports.computeIfAbsent(port, p -> "port" + (ports.size() + 1))) + ")");
            if ((name.equals("socket") || name.equals("accept")) && NEW_FD.matcher(result).matches()) {
                String label = "fd" + ++created;
                live.put(result, label);
                result = label;
            }
            if (name.equals("close")) {
                live.values().remove(args);
            }
            normalized.add(name + "(" + args + ") = " + result);
        }
        return normalized;
    }

    private static String mapSet(String set, Map<String, String> live) {
        List<String> mapped = new ArrayList<>();
        for (String fd : set.split(" ")) {
            mapped.add(live.getOrDefault(fd, fd));
        }
        return String.join(" ", mapped);
    }

    private static String replaceAll(Pattern pattern, String text, java.util.function.UnaryOperator<String> group) {
        return pattern.matcher(text).replaceAll(match -> Matcher.quoteReplacement(group.apply(match.group(1))));
    }

    // ---------------------------------------------------------------------------------------

    private record Run(int exitCode, String stdout, String stderr) {
    }

    /** {@code java [option] dev.sockit.net.TraceDemo path} on this JVM and class path, with sun.nio.ch open. */
    private static List<String> java(String option, String socketPath) {
        return List.of(ProcessHandle.current().info().command().orElse("java"),
                "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                option, TraceDemo.class.getName(), socketPath);
    }

    private static Run run(Path directory, List<String> command) throws IOException, InterruptedException {
        Path stdout = directory.resolve("stdout.txt");
        Path stderr = directory.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " ran over " + TIMEOUT_SECONDS + " s");
        }
        return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private static boolean available(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException missing) {
            return false;
        }
    }
}
