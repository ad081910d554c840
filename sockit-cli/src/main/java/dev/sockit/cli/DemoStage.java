package dev.sockit.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where {@code sockit demo} runs the example programs: each on a thread of its own in this JVM,
 * under a role ({@code server}, {@code client 1}), its output shown line by line after the role.
 *
 * <p>Design: the console (the process's standard output) is written whole lines at a time,
 * under a lock, so lines of several threads never mix. Each role's thread carries its role (a
 * thread-local). {@link #out} is meant to be {@code System.out}: a line written to it by a
 * role's thread is shown after the role, a line of any other thread (the demo's own headings)
 * as it is. The call trace writes to {@code System.out} from the thread that made the call,
 * so its lines show under the role too, provided {@code System.out} is this stream when the
 * trace initialises (it takes {@code System.out} once, then). A program's stdout is a stream
 * of its role's own, so a partial line (a prompt) is not run into by the trace's lines of the
 * same thread; its lines are also kept, for the demo to wait for. A program's stderr is kept,
 * not shown: the demo reports it if the program fails.
 *
 * <p>Threads: a role is one daemon thread (a single-thread executor), so what a role does
 * happens on it, in order. The stage is made and closed by one thread, the demo's;
 * {@link #close} interrupts what is still running, which sockit's blocking calls end with
 * {@code EINTR}.
 */
final class DemoStage implements AutoCloseable {
    /** Roles are shown in a column this wide, then {@code " | "}. */
    static final int ROLE_WIDTH = 8;
    /** A line longer than this is shown in pieces: no buffer grows without bound. */
    private static final int LINE_LIMIT = 4096;
    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(2);

    private final PrintStream console;
    private final ReentrantLock consoleLock = new ReentrantLock();
    private final ThreadLocal<Role> roleOfThread = new ThreadLocal<>();
    private final Lines shared = new Lines(null);
    private final PrintStream out;
    /** The roles made so far; used by the stage's thread only. */
    private final List<Role> roles = new ArrayList<>();

    /** A stage that shows its lines on {@code console}. */
    DemoStage(PrintStream console) {
        this.console = console;
        this.out = new PrintStream(shared, true, console.charset());
    }

    /** The stream to install as {@code System.out}: lines of a role's thread are shown after the role. */
    PrintStream out() {
        return out;
    }

    /** A new role, {@code name} being what its lines are shown after; its thread is named so too. */
    Role role(String name) {
        Role role = new Role(name);
        roles.add(role);
        return role;
    }

    /**
     * Stops every role, interrupting what still runs, and waits a moment for each, so their
     * last lines are shown before the demo's end. An interrupt ends the wait and stays set.
     */
    @Override
    public void close() {
        roles.forEach(role -> role.thread.shutdownNow());
        try {
            for (Role role : roles) {
                role.thread.awaitTermination(CLOSE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
    }

    /** A failure of the demo: one line that says which program failed and why. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    /** A program started on a role: its label (the example's name, for messages) and its exit status to come. */
    record Run(Role role, String label, Future<Integer> status) {
        /**
         * Waits for the program's end: it must exit 0 and print nothing on stderr (the
         * lecture's TCP client exits 0 even when it fails).
         */
        void awaitSuccess(Duration within) throws Failure, InterruptedException {
            int exit;
            try {
                exit = status.get(within.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new Failure(label + ": still running after " + within.toSeconds() + " s");
            } catch (ExecutionException e) {
                throw new Failure(label + ": " + e.getCause());
            }
            String errors = role.errors();
            if (exit != 0 || !errors.isEmpty()) {
                throw new Failure(label + ": " + (errors.isEmpty() ? "exit status " + exit : errors.lines().findFirst().orElse(errors)));
            }
        }

        /** Whether the program has ended, waiting up to {@code patience} for it. */
        boolean ended(Duration patience) throws InterruptedException {
            try {
                status.get(patience.toNanos(), TimeUnit.NANOSECONDS);
                return true;
            } catch (ExecutionException e) {
                return true;
            } catch (TimeoutException e) {
                return false;
            }
        }
    }

    /** One thread, named after the role, with the program's stdout and stderr. */
    final class Role {
        private final String name;
        private final ExecutorService thread;
        /** The lines the role's programs printed on stdout, oldest first (ISO-8859-1: one char per byte). */
        private final BlockingQueue<String> printed = new LinkedBlockingQueue<>();
        private final Lines stdout;
        private final PrintStream programOut;
        /** What the programs printed on stderr, up to {@link #LINE_LIMIT} bytes; guarded by errorsLock. */
        private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
        private final ReentrantLock errorsLock = new ReentrantLock();
        private final PrintStream programErr;

        private Role(String name) {
            this.name = name;
            this.thread = Executors.newSingleThreadExecutor(task -> Thread.ofPlatform().name(name).daemon().unstarted(() -> {
                roleOfThread.set(this);
                task.run();
            }));
            this.stdout = new Lines(printed);
            this.programOut = new PrintStream(stdout, true, console.charset());
            this.programErr = new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    errorsLock.lock();
                    try {
                        if (errors.size() < LINE_LIMIT) {
                            errors.write(b);
                        }
                    } finally {
                        errorsLock.unlock();
                    }
                }
            }, true, console.charset());
        }

        /**
         * Starts {@code program} (an example's {@code main}) on this role's thread, with
         * {@code stdin} as its standard input; {@code label} names it in messages.
         */
        Run start(String label, ExampleCommand.Program program, String stdin, String... args) {
            byte[] input = stdin.getBytes(console.charset());
            return new Run(this, label, thread.submit(() -> {
                try {
                    return program.run(args, new ByteArrayInputStream(input), programOut, programErr);
                } finally {
                    finishLines();
                }
            }));
        }

        /** Runs {@code task} on this role's thread and waits up to {@code within} for its result. */
        <T> T call(String label, Duration within, Callable<T> task) throws Failure, InterruptedException {
            Future<T> result = thread.submit(() -> {
                try {
                    return task.call();
                } finally {
                    finishLines();
                }
            });
            try {
                return result.get(within.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                result.cancel(true);
                throw new Failure(label + ": no answer after " + within.toSeconds() + " s");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw new Failure(label + ": " + (cause instanceof Failure ? cause.getMessage() : cause.toString()));
            }
        }

        /** What the role's lines are shown after. */
        String name() {
            return name;
        }

        /** The stream the role's programs print to: what the demo prints on a role's behalf goes here too. */
        PrintStream out() {
            return programOut;
        }

        /** The next line the role's programs printed, waiting up to {@code within} for it. */
        String nextLine(String label, Duration within) throws Failure, InterruptedException {
            String line = printed.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new Failure(label + ": printed nothing more within " + within.toSeconds() + " s");
            }
            return line;
        }

        /** What the role's programs printed on stderr. */
        String errors() {
            errorsLock.lock();
            try {
                return errors.toString(console.charset());
            } finally {
                errorsLock.unlock();
            }
        }

        /** Shows what this thread left without a newline, as a line of its own. */
        private void finishLines() {
            programOut.flush();
            stdout.finishLine();
            out.flush();
            shared.finishLine();
        }
    }

    /**
     * An output stream that shows whole lines on the console, each after the role of the
     * thread that wrote it. Each thread has its own unfinished line, so threads never mix.
     */
    private final class Lines extends OutputStream {
        /** Where shown lines are also put, or null. */
        private final BlockingQueue<String> published;
        private final ThreadLocal<ByteArrayOutputStream> unfinished = ThreadLocal.withInitial(ByteArrayOutputStream::new);

        Lines(BlockingQueue<String> published) {
            this.published = published;
        }

        @Override
        public void write(int b) {
            ByteArrayOutputStream line = unfinished.get();
            if (b == '\n') {
                show(line);
            } else {
                line.write(b);
                if (line.size() >= LINE_LIMIT) {
                    show(line);
                }
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        /** Shows this thread's unfinished line, if any, as a line. */
        void finishLine() {
            ByteArrayOutputStream line = unfinished.get();
            if (line.size() > 0) {
                show(line);
            }
        }

        private void show(ByteArrayOutputStream line) {
            byte[] bytes = line.toByteArray();
            line.reset();
            Role writer = roleOfThread.get();
            String prefix = writer == null ? "" : String.format("%-" + ROLE_WIDTH + "s |" + (bytes.length > 0 ? " " : ""), writer.name);
            consoleLock.lock();
            try {
                byte[] role = prefix.getBytes(console.charset());
                console.write(role, 0, role.length);
                console.write(bytes, 0, bytes.length);
                console.write('\n');
                console.flush();
            } finally {
                consoleLock.unlock();
            }
            if (published != null) {
                published.add(new String(bytes, StandardCharsets.ISO_8859_1));
            }
        }
    }
}
