package dev.sockit.cli.nc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.cli.Spawned;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running {@code sockit -l ... --json} for the listen tests: started, waited for until its
 * {@code listening} event names the port the kernel picked, and JDK socket clients to talk to
 * it with bounded reads. {@link #close()} kills the process and closes the clients.
 */
final class Listener implements AutoCloseable {
    static final int READ_TIMEOUT_MILLIS = 20_000;
    private static final Pattern PORT = Pattern.compile("\"event\":\"listening\".*?\"port\":(\\d+)");

    final Spawned process;
    final int port;
    private final List<Socket> clients = new ArrayList<>();

    private Listener(Spawned process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code sockit --json args} (args should listen on port 0) and waits until it listens. */
    static Listener start(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--json"));
        all.addAll(List.of(args));
        Spawned process = Spawned.sockit(all.toArray(String[]::new));
        String err = process.awaitStderr(text -> PORT.matcher(text).find());
        Matcher m = PORT.matcher(err);
        assertThat(m.find()).isTrue();
        return new Listener(process, Integer.parseInt(m.group(1)));
    }

    /** A client connected from 127.0.0.1. */
    Socket connect() throws IOException {
        return connect("127.0.0.1", "127.0.0.1");
    }

    /** A client connected from {@code source} to {@code target}. */
    Socket connect(String source, String target) throws IOException {
        Socket s = new Socket();
        clients.add(s);
        s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
        s.connect(new InetSocketAddress(InetAddress.getByName(target), port), READ_TIMEOUT_MILLIS);
        s.setSoTimeout(READ_TIMEOUT_MILLIS);
        return s;
    }

    /** Waits until {@code n} events named {@code event} are on stderr. */
    String awaitEvents(String event, int n) throws InterruptedException {
        return process.awaitStderr(text -> count(text, "\"event\":\"" + event + "\"") >= n);
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    /** Reads until {@code text} has arrived (the whole of it, maybe with more); fails on EOF or timeout. */
    static String readUntil(Socket s, String text) throws IOException {
        return readUntil(s, got -> got.contains(text));
    }

    /** Reads until what arrived satisfies {@code done}; fails on EOF or timeout. */
    static String readUntil(Socket s, java.util.function.Predicate<String> done) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[8192];
        while (!done.test(got.toString(StandardCharsets.UTF_8))) {
            int n = in.read(buf);
            if (n < 0) {
                throw new AssertionError("EOF before the condition; got: " + got.toString(StandardCharsets.UTF_8));
            }
            got.write(buf, 0, n);
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    /** Reads to EOF (bounded by the socket's timeout). */
    static String readToEof(Socket s) throws IOException {
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Whether the peer closed: a read sees EOF (or a reset) within the timeout. */
    static boolean closedByPeer(Socket s) throws IOException {
        try {
            return s.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        for (Socket s : clients) {
            s.close();
        }
        process.close();
    }
}
