package dev.sockit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.sockit.testing.CProgram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ErrnoTest {
    private record Line(String name, int number, String message) {
        static Line parse(String text) {
            String[] fields = text.split(" ", 3);
            return new Line(fields[0], Integer.parseInt(fields[1]), fields[2]);
        }
    }

    private static final Set<String> ALIASES = Set.of("EWOULDBLOCK", "EDEADLOCK", "ENOTSUP");

    private static List<Line> glibc;

    @BeforeAll
    static void runOracle() throws IOException, InterruptedException {
        glibc = CProgram.compile("errno_oracle").run(List.of()).stream().map(Line::parse).toList();
    }

    @Test
    void named_everyGlibcMacro_hasGlibcNumberAndMessage() {
        assertThat(glibc).hasSize(134);
        for (Line line : glibc) {
            Errno errno = Errno.named(line.name()).orElseThrow(() -> new AssertionError("no " + line.name()));
            assertThat(errno.number()).as(line.name()).isEqualTo(line.number());
            assertThat(errno.message()).as(line.name()).isEqualTo(line.message());
        }
    }

    @Test
    void values_comparedWithGlibcMacros_areTheMacrosWithoutAliases() {
        Set<String> names = Arrays.stream(Errno.values()).map(Errno::name).collect(Collectors.toSet());
        Set<String> macros = glibc.stream().map(Line::name).collect(Collectors.toSet());

        assertThat(names).hasSize(131).doesNotContainAnyElementsOf(ALIASES);
        assertThat(macros).containsAll(ALIASES);
        assertThat(macros).containsExactlyInAnyOrderElementsOf(union(names, ALIASES));
    }

    @Test
    void of_everyNumberGlibcNames_givesTheConstantOfThatNumber() {
        for (Line line : glibc) {
            assertThat(Errno.of(line.number()).map(Errno::number)).as(line.name()).contains(line.number());
        }
        assertThat(Arrays.stream(Errno.values()).map(Errno::number))
                .containsExactlyInAnyOrderElementsOf(glibc.stream().map(Line::number).collect(Collectors.toSet()));
    }

    @Test
    void of_oneTo133_agreesWithPythonStrerrorAndErrorcode() throws IOException, InterruptedException {
        List<Line> python = python("""
                import errno, os
                for n in range(1, 134):
                    print(errno.errorcode.get(n, "-"), n, os.strerror(n))
                """);
        assertThat(python).extracting(Line::number).containsExactlyElementsOf(IntStream.rangeClosed(1, 133).boxed().toList());
        for (Line line : python) {
            Optional<Errno> errno = Errno.of(line.number());
            assertThat(line.message()).as("os.strerror(%d)", line.number())
                    .isEqualTo(errno.map(Errno::message).orElse("Unknown error " + line.number()));
            if (!line.name().equals("-")) {
                assertThat(Errno.named(line.name())).as("errno.errorcode[%d]", line.number()).isPresent().isEqualTo(errno);
            }
        }
    }

    @Test
    void of_numbersLinuxLeavesUnused_isEmpty() {
        for (int number : new int[] {Integer.MIN_VALUE, -111, -1, 0, 41, 58, 134, 4095, Integer.MAX_VALUE}) {
            assertThat(Errno.of(number)).as("%d", number).isEmpty();
        }
    }

    @Test
    void of_socketErrors_haveTheirNamesAndMessages() {
        assertThat(Errno.of(111)).contains(Errno.ECONNREFUSED);
        assertThat(Errno.ECONNREFUSED.message()).isEqualTo("Connection refused");
        assertThat(Errno.of(11)).contains(Errno.EAGAIN);
        assertThat(Errno.EAGAIN.message()).isEqualTo("Resource temporarily unavailable");
        assertThat(Errno.of(115)).contains(Errno.EINPROGRESS);
        assertThat(Errno.EINPROGRESS.message()).isEqualTo("Operation now in progress");
        assertThat(Errno.of(98)).contains(Errno.EADDRINUSE);
        assertThat(Errno.EADDRINUSE.message()).isEqualTo("Address already in use");
        assertThat(Errno.of(1)).contains(Errno.EPERM);
        assertThat(Errno.of(133)).contains(Errno.EHWPOISON);
    }

    @Test
    void named_aliases_giveTheConstantTheyStandFor() {
        assertThat(Errno.named("EWOULDBLOCK")).contains(Errno.EAGAIN);
        assertThat(Errno.named("EDEADLOCK")).contains(Errno.EDEADLK);
        assertThat(Errno.named("ENOTSUP")).contains(Errno.EOPNOTSUPP);
    }

    @Test
    void named_unknownOrMisspelledName_isEmpty() {
        assertThat(Errno.named("")).isEmpty();
        assertThat(Errno.named("econnrefused")).isEmpty();
        assertThat(Errno.named("ECONNREFUSED ")).isEmpty();
        assertThat(Errno.named("EFOO")).isEmpty();
        assertThat(Errno.named("ESUCCESS")).isEmpty();
    }

    @Test
    void named_null_throwsNullPointerException() {
        assertThatNullPointerException().isThrownBy(() -> Errno.named(null)).withMessage("name");
    }

    @Test
    void describe_econnrefused_givesNameNumberAndMessage() {
        assertThat(Errno.ECONNREFUSED.describe()).isEqualTo("ECONNREFUSED (111): Connection refused");
        assertThat(Errno.EHWPOISON.describe()).isEqualTo("EHWPOISON (133): Memory page has hardware error");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Runs {@code script} in one python3 process and parses the lines it prints. */
    private static List<Line> python(String script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("python3", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("python3 failed:\n" + output);
        }
        return output.lines().map(Line::parse).toList();
    }
}
