package com.contoso.linkedin.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** A class a newcomer can read at one sitting: no source file under src/main over 300 lines (issue 16). */
class SourceSizeTest {
    private static final int MAX_LINES = 300;

    @Test
    void noMainSourceFile_isLongerThan300Lines() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            List<String> tooLong = sources.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> lines(path) > MAX_LINES).map(path -> path + " (" + lines(path) + ")").toList();

            assertEquals(List.of(), tooLong);
        }
    }

    private static long lines(Path path) {
        try (Stream<String> lines = Files.lines(path)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
