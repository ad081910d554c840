package dev.sockit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./sockit} launcher at the repository root, run as a user runs it; and its AOT
 * cache (JDK 25+), each test with a cache folder of its own ({@code SOCKIT_AOT_DIR}).
 */
class LauncherTest {
    private static final Path ROOT = Paths.get(System.getProperty("sockit.root", "..")).toAbsolutePath().normalize();
    private static final Path JAR = ROOT.resolve("sockit-cli/target/sockit.jar");
    /** What {@code -Xlog:class+load} prints for the main class when it comes from the AOT cache. */
    private static final String MAIN_FROM_CACHE = "dev.sockit.cli.Main source: shared objects file";
    private static final String MAIN_FROM_JAR = "dev.sockit.cli.Main source: file:";

    @TempDir
    Path aotDir;

    @Test
    void launcher_findsAJdkAndRunsTheBuiltJar() throws Exception {
        SockitProcess.Result result = SockitProcess.start(List.of(ROOT.resolve("sockit").toString(), "--version"), "");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).startsWith("sockit ").contains("(Java ");
    }

    @Test
    void launcher_passesArgumentsAndExitStatusThrough() throws Exception {
        SockitProcess.Result result = SockitProcess.start(List.of(ROOT.resolve("sockit").toString(), "addr", "aton", "1.256.1.1"), "");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("sockit addr: aton \"1.256.1.1\": inet_aton returns 0 (not an IPv4 address)\n");
    }

    @Test
    void launcher_withoutAnyJdk21_saysSoAndFails() throws Exception {
        SockitProcess.Result result = SockitProcess.start(
                List.of("env", "-i", "PATH=/usr/bin:/bin", "HOME=/nonexistent", "SOCKIT_JDK_SEARCH_PATH=/nonexistent",
                        "/bin/bash", ROOT.resolve("sockit").toString(), "--version"), "");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("sockit: no JDK 21 or newer found (set SOCKIT_JAVA_HOME or JAVA_HOME)\n");
    }

    @Test
    void aotCache_firstRun_makesItSilentlyAndTheNextRunUsesIt() throws Exception {
        assumeAotCapableJdk();

        SockitProcess.Result first = launch("--version");

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stderr()).isEmpty();
        assertThat(first.stdout()).startsWith("sockit ").hasLineCount(1);
        assertThat(caches()).hasSize(1);
        assertThat(mainClassSource()).isEqualTo(MAIN_FROM_CACHE);
    }

    @Test
    void aotCache_olderThanTheJar_isMadeAgain() throws Exception {
        assumeAotCapableJdk();
        launch("--version");
        Path cache = caches().get(0);
        FileTime jarTime = Files.getLastModifiedTime(JAR);
        Files.setLastModifiedTime(cache, FileTime.fromMillis(jarTime.toMillis() - Duration.ofHours(1).toMillis()));

        SockitProcess.Result result = launch("--version");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).isEmpty();
        assertThat(Files.getLastModifiedTime(cache)).isGreaterThan(jarTime);
        assertThat(mainClassSource()).isEqualTo(MAIN_FROM_CACHE);
    }

    @Test
    void aotCache_corrupt_isIgnoredWithoutAWord() throws Exception {
        assumeAotCapableJdk();
        launch("--version");
        Path cache = caches().get(0);
        byte[] valid = Files.readAllBytes(cache);
        byte[] garbage = new byte[valid.length];
        Arrays.fill(garbage, (byte) 0x5a);

        for (byte[] corrupt : List.of(Arrays.copyOf(valid, valid.length / 2), garbage, new byte[0])) {
            Files.write(cache, corrupt);

            SockitProcess.Result result = launch("addr", "aton", "1.256.1.1");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stdout()).isEmpty();
            assertThat(result.stderr()).isEqualTo("sockit addr: aton \"1.256.1.1\": inet_aton returns 0 (not an IPv4 address)\n");
            assertThat(mainClassSource()).isEqualTo(MAIN_FROM_JAR);
        }
    }

    @Test
    void aotCache_folderNotWritable_runsWithout() throws Exception {
        assumeAotCapableJdk();
        aotDir = Paths.get("/proc/sockit-cannot-make-this");

        SockitProcess.Result result = launch("--version");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).startsWith("sockit ");
    }

    @Test
    void aotCache_off_isNeitherMadeNorUsed() throws Exception {
        SockitProcess.Result result = SockitProcess.start(
                List.of("env", "SOCKIT_AOT=0", "SOCKIT_AOT_DIR=" + aotDir, "SOCKIT_JAVA_OPTS=-Xlog:class+load",
                        ROOT.resolve("sockit").toString(), "--version"), "");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains(MAIN_FROM_JAR).doesNotContain(MAIN_FROM_CACHE);
        assertThat(caches()).isEmpty();
    }

    /** The launcher runs the JDK the tests run on; the cache needs 25 or newer. */
    private static void assumeAotCapableJdk() {
        assumeTrue(Runtime.version().feature() >= 25, "AOT cache: JDK 25+");
    }

    private SockitProcess.Result launch(String... args) throws IOException, InterruptedException {
        return launchWith("", args);
    }

    private SockitProcess.Result launchWith(String javaOpts, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("env", "SOCKIT_JAVA_HOME=" + System.getProperty("java.home"),
                "SOCKIT_AOT_DIR=" + aotDir, "SOCKIT_JAVA_OPTS=" + javaOpts, ROOT.resolve("sockit").toString()));
        command.addAll(List.of(args));
        return SockitProcess.start(command, "");
    }

    /** Where {@code dev.sockit.cli.Main} came from in a run of {@code sockit --version}, as the JVM logs it. */
    private String mainClassSource() throws IOException, InterruptedException {
        SockitProcess.Result result = launchWith("-Xlog:class+load", "--version");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.lines().stream()
                .filter(line -> line.contains(" dev.sockit.cli.Main source: "))
                .map(line -> line.substring(line.indexOf("dev.sockit.cli.Main source: ")))
                .map(source -> source.startsWith(MAIN_FROM_JAR) ? MAIN_FROM_JAR : source)
                .findFirst()
                .orElseThrow();
    }

    private List<Path> caches() throws IOException {
        if (!Files.isDirectory(aotDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(aotDir)) {
            return files.filter(file -> file.toString().endsWith(".aot")).toList();
        }
    }
}
