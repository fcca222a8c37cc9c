package com.contoso.linkedin.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The zips the build packages, opened as Lambda would: unpacked into a folder. */
final class Zips {
    private Zips() {
    }

    static void unzip(Path zip, Path target) throws IOException {
        assertTrue(Files.exists(zip), zip + " was not built");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                Path to = target.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, to);
                    }
                }
            }
        }
    }
}
