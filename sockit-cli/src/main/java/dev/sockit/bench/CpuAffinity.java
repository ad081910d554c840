package dev.sockit.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Which CPUs processes may run on (Linux {@code /proc}), to warn when the benchmark client
 * shares them with the server it measures, and to pin the client with {@code taskset}.
 * Reading {@code /proc} is best effort: what cannot be read is treated as unknown.
 */
public final class CpuAffinity {
    private CpuAffinity() {
    }

    /**
     * A one-line warning if the client would share CPUs with a loopback server listening on
     * TCP {@code port} (0 or less: none; found through {@code /proc/net/tcp*} and {@code /proc/PID/fd}), or, when
     * that process is this one or unknown, if the machine has fewer CPUs than
     * {@code clientThreads + 1}; empty otherwise.
     */
    public static Optional<String> sharingWarning(int port, int clientThreads) {
        BitSet mine = allowed(ProcessHandle.current().pid()).orElse(null);
        Optional<Long> server = port > 0 ? listenerPid(port) : Optional.empty();
        if (mine != null && server.isPresent() && server.get() != ProcessHandle.current().pid()) {
            Optional<BitSet> theirs = allowed(server.get());
            if (theirs.isPresent() && theirs.get().intersects(mine)) {
                BitSet both = (BitSet) mine.clone();
                both.and(theirs.get());
                return Optional.of("the client shares CPUs " + text(both) + " with the server it measures (pid " + server.get()
                        + "): results include their competition (--pin CPUS to separate them)");
            }
            return Optional.empty();
        }
        int cpus = mine == null ? Runtime.getRuntime().availableProcessors() : mine.cardinality();
        if (cpus < clientThreads + 1) {
            return Optional.of("only " + cpus + " CPUs for " + clientThreads + " client threads and the server: they compete for them");
        }
        return Optional.empty();
    }

    /**
     * Pins every thread of this process to {@code cpus} (taskset's list syntax, {@code 0} or
     * {@code 0-1,3}) by running {@code taskset -a -p -c CPUS PID}. Blocks at most 10 s.
     * @throws IOException if taskset is missing or refuses (its message)
     */
    public static void pin(String cpus) throws IOException, InterruptedException {
        if (!cpus.matches("[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*")) {
            throw new IllegalArgumentException("--pin: \"" + cpus + "\" is not a CPU list (expected: 0, 0-1, 0,2)");
        }
        Process p = new ProcessBuilder(List.of("taskset", "-a", "-p", "-c", cpus, Long.toString(ProcessHandle.current().pid())))
                .redirectErrorStream(true).start();
        String output;
        try (var in = p.getInputStream()) {
            output = new String(in.readAllBytes()).trim();
        }
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroy();
            throw new IOException("pin to CPUs " + cpus + ": taskset: " + (output.isEmpty() ? "failed" : output.lines().reduce((a, b) -> b).orElse("")));
        }
    }

    static Optional<BitSet> allowed(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return Optional.of(parseList(line.substring(line.indexOf(':') + 1).trim()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static BitSet parseList(String list) {
        BitSet set = new BitSet();
        for (String part : list.split(",")) {
            String[] r = part.trim().split("-");
            int from = Integer.parseInt(r[0]);
            int to = r.length > 1 ? Integer.parseInt(r[1]) : from;
            set.set(from, to + 1);
        }
        return set;
    }

    private static String text(BitSet set) {
        return set.stream().mapToObj(Integer::toString).reduce((a, b) -> a + "," + b).orElse("");
    }

    /** The process with a socket listening on TCP {@code port}, if /proc says. */
    static Optional<Long> listenerPid(int port) {
        Optional<String> inode = listenerInode(port);
        if (inode.isEmpty()) {
            return Optional.empty();
        }
        String target = "socket:[" + inode.get() + "]";
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                    for (Path fd : fds) {
                        if (target.equals(Files.readSymbolicLink(fd).toString())) {
                            return Optional.of(Long.parseLong(proc.getFileName().toString()));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // Another user's process, or one that just ended: not ours to see.
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> listenerInode(int port) {
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                        return Optional.of(f[9]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // No such table (no IPv6): look in the next.
            }
        }
        return Optional.empty();
    }
}
