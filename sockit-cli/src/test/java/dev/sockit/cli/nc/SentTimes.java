package dev.sockit.cli.nc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The timestamps of the sent blocks of a {@code -x} hex dump, for the {@code -d} spacing tests. */
final class SentTimes {
    private SentTimes() {
    }

    /** When each {@code >} block of {@code dump} left, in order. */
    static List<Instant> of(Path dump) throws IOException {
        return Files.readAllLines(dump).stream()
                .filter(line -> line.startsWith("> ") && line.endsWith(" bytes"))
                .map(line -> Instant.parse(line.split(" ")[1]))
                .toList();
    }
}
