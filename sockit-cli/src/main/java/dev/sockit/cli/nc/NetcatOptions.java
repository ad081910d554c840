package dev.sockit.cli.nc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The netcat's flags, as the command line gives them: a picocli mixin of the top-level
 * {@code sockit} command. Flag policy: ncat's meaning for every letter ncat defines; OpenBSD nc's
 * meaning for the letters ncat leaves free ({@code -N -q -W -I -O -T -b -r -D}); long options
 * for the rest. Times take the grammar of {@link Times}. Checks that need more than one flag
 * (incompatible flags, ports, addresses) are the modes' ({@link Netcat}), so that every error
 * is one line and exit status {@link ExitStatus#USAGE}.
 */
public final class NetcatOptions {

    // ---- Mode and addresses

    @Option(names = {"-l", "--listen"}, description = "Listen: bind [HOST] PORT and serve clients.")
    boolean listen;

    @Option(names = {"-k", "--keep-open"}, description = "With -l: serve many clients at once, each to its end (TCP and UDP).")
    boolean keepOpen;

    @Option(names = {"-u", "--udp"}, description = "UDP instead of TCP.")
    boolean udp;

    @Option(names = {"-U", "--unixsock"}, description = "UNIX stream socket: HOST is the socket's PATH.")
    boolean unix;

    @Option(names = "-4", description = "IPv4 only.")
    boolean ipv4Only;

    @Option(names = "-6", description = "IPv6 only (with -l: an IPv6-only listener).")
    boolean ipv6Only;

    @Option(names = {"-n", "--nodns"}, description = "Numeric addresses only: no name lookup.")
    boolean noDns;

    @Option(names = {"-s", "--source"}, paramLabel = "ADDR", description = "Source address (with -l: the address to bind, as nc scripts use it).")
    String source;

    @Option(names = {"-p", "--source-port"}, paramLabel = "PORT", description = "Source port (with -l: the port to listen on).")
    String sourcePort;

    @Option(names = "-z", description = "Zero-I/O scan: report PORT (ports, ranges, lists: 20-30,80,443) open or closed, one line each.")
    boolean scan;

    @Option(names = "-r", description = "With -z: scan the ports in random order.")
    boolean randomOrder;

    @Option(names = "--any", description = "With -z: exit 0 if any port is open (nc's rule), not only if all are.")
    boolean anyOpen;

    // ---- Time limits

    @Option(names = {"-w", "--wait"}, paramLabel = "TIME", converter = TimeConverter.class, description = "Connect timeout (with --wait-for-port: the overall deadline).")
    Duration connectTimeout;

    @Option(names = {"-i", "--idle-timeout"}, paramLabel = "TIME", converter = TimeConverter.class, description = "Close a connection idle (nothing read or written) for TIME; exit status 4.")
    Duration idleTimeout;

    @Option(names = "--accept-timeout", paramLabel = "TIME", converter = TimeConverter.class, description = "With -l: give up (exit 3) when no client comes within TIME.")
    Duration acceptTimeout;

    @Option(names = "--wait-for-port", description = "Retry connecting every --retry-interval until the server is up, until -w (if given).")
    boolean waitForPort;

    @Option(names = "--retry", paramLabel = "N", description = "Retry a refused or failed connect up to N times.")
    Integer retries;

    @Option(names = "--retry-interval", paramLabel = "TIME", converter = TimeConverter.class, description = "Time between connect attempts (default: 250ms).")
    Duration retryInterval;

    @Option(names = "-q", paramLabel = "TIME", converter = TimeConverter.class, description = "Quit TIME after stdin EOF (UDP: the reply linger, default 2s).")
    Duration quitAfterEof;

    // ---- End of stream

    @Option(names = "-N", description = "Accepted for nc scripts: sockit already shuts down its sending side on stdin EOF.")
    boolean shutdownOnEofAlias;

    @Option(names = "--no-shutdown", description = "On stdin EOF, keep the sending side open (no FIN).")
    boolean noShutdown;

    @Option(names = "--keep-stdin", description = "When the peer closes first, wait for stdin EOF (sending what it gives) before exiting.")
    boolean keepStdin;

    @Option(names = "--exit-on-peer-close", description = "With -l: end the session at the client's FIN (ncat's behaviour).")
    boolean exitOnPeerClose;

    // ---- Data

    @Option(names = {"-C", "--crlf"}, description = "Send lines with CRLF endings.")
    boolean crlf;

    @Option(names = "--send-only", description = "Only send; ignore what arrives.")
    boolean sendOnly;

    @Option(names = "--recv-only", description = "Only receive; ignore stdin.")
    boolean recvOnly;

    @Option(names = "--no-stdin", description = "Do not read stdin (nc's -d).")
    boolean noStdin;

    @Option(names = {"-d", "--delay"}, paramLabel = "TIME", converter = TimeConverter.class, description = "Wait TIME between lines sent.")
    Duration lineDelay;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Log the session's data, both directions, to FILE.")
    Path outputLog;

    @Option(names = "--append-output", description = "Append to the -o and -x files instead of truncating them.")
    boolean appendOutput;

    @Option(names = {"-x", "--hex-dump"}, paramLabel = "FILE", description = "Hex dump of the session to FILE: '>' sent, '<' received, with timestamps.")
    Path hexDump;

    @Option(names = "-W", paramLabel = "N", description = "Stop after receiving N packets (UDP) or lines (TCP).")
    Long receiveLimit;

    @Option(names = "-I", paramLabel = "BYTES", description = "Receive buffer size (SO_RCVBUF).")
    String receiveBuffer;

    @Option(names = "-O", paramLabel = "BYTES", description = "Send buffer size (SO_SNDBUF).")
    String sendBuffer;

    @Option(names = "-T", paramLabel = "TOS", description = "IP type of service: a number or a keyword (lowdelay, throughput, reliability, critical, inetcontrol, netcontrol, af11..af43, cs0..cs7, ef).")
    String typeOfService;

    @Option(names = "-b", description = "Allow broadcast (SO_BROADCAST).")
    boolean broadcast;

    @Option(names = "-D", description = "Socket debugging (SO_DEBUG).")
    boolean socketDebug;

    // ---- Many clients

    @Option(names = {"-m", "--max-conns"}, paramLabel = "N", description = "With -l: at most N clients at once (default: 100); others are accepted, closed and logged.")
    Integer maxConnections;

    @Option(names = "--allow", paramLabel = "HOSTS", split = ",", description = "Allow only these clients: addresses, CIDR blocks, names (comma-separated, repeatable).")
    List<String> allow = new ArrayList<>();

    @Option(names = "--allowfile", paramLabel = "FILE", description = "Allow the clients listed in FILE, one per line.")
    List<Path> allowFiles = new ArrayList<>();

    @Option(names = "--deny", paramLabel = "HOSTS", split = ",", description = "Deny these clients (allow wins).")
    List<String> deny = new ArrayList<>();

    @Option(names = "--denyfile", paramLabel = "FILE", description = "Deny the clients listed in FILE, one per line.")
    List<Path> denyFiles = new ArrayList<>();

    @Option(names = "--broker", description = "With -l: send each client's data to all other clients.")
    boolean broker;

    @Option(names = "--chat", description = "With -l: a chat room: --broker with '<userN> ' prefixes, join/leave announcements, control characters escaped.")
    boolean chat;

    @Option(names = "--broker-console", description = "With --broker or --chat: the listener's stdin and stdout take part as one more client.")
    boolean brokerConsole;

    // ---- Programs and services

    @Option(names = {"-e", "--exec"}, paramLabel = "PROGRAM", description = "Run PROGRAM per connection, its stdin and stdout on the socket.")
    String execProgram;

    @Option(names = {"-c", "--sh-exec"}, paramLabel = "COMMAND", description = "Run COMMAND with /bin/sh -c per connection, its stdin and stdout on the socket.")
    String shellCommand;

    @Option(names = "--echo", description = "With -l: echo what each client sends.")
    boolean echo;

    @Option(names = "--discard", description = "With -l: read and drop what each client sends.")
    boolean discard;

    @Option(names = "--chargen", description = "With -l: send each client the RFC 864 character pattern.")
    boolean chargen;

    @Option(names = "--reply", paramLabel = "TEXT", description = "With -l: answer each client's first message with TEXT (no newline added).")
    String reply;

    // ---- Reporting

    @Option(names = {"-v", "--verbose"}, description = "Report connection events and an end summary on stderr (repeat for more).")
    boolean[] verbose = new boolean[0];

    @Option(names = "--json", description = "Report events on stderr as JSON, one object per line.")
    boolean json;

    /** The number of {@code -v} flags. */
    public int verbosity() {
        return verbose.length;
    }

    /** Whether {@code --json} is on. */
    public boolean json() {
        return json;
    }

    /** Whether {@code -l} is on. */
    public boolean listening() {
        return listen;
    }

    /** Picocli converter for {@link Times}. */
    static final class TimeConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Times.parse("time", value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
