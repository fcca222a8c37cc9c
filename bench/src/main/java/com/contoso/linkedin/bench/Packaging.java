package com.contoso.linkedin.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * One way of starting the function: a JDK, a class path and JVM flags.
 *
 * @param trainFlags flags of the training run that writes the cache the flags use (empty: none)
 * @param cache the cache file the training run writes (null: none)
 * @param directory the working directory the JVM starts in (null: the benchmark's)
 */
record Packaging(String name, String description, Path javaHome, String classPath, List<String> flags,
        List<String> trainFlags, Path cache, Path directory) {

    Packaging(String name, String description, Path javaHome, String classPath, List<String> flags,
            List<String> trainFlags, Path cache) {
        this(name, description, javaHome, classPath, flags, trainFlags, cache, null);
    }

    boolean needsTraining() {
        return cache != null;
    }
}
