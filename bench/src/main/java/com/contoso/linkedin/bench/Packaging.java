package com.contoso.linkedin.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * One way of starting the function: a JDK, a class path and JVM flags, or a Lambda custom
 * runtime's directory started through its {@code bootstrap}.
 *
 * @param trainFlags flags of the training run that writes the cache the flags use (empty: none)
 * @param cache the cache file the training run writes (null: none)
 * @param directory the working directory the JVM starts in (null: the benchmark's)
 * @param bootstrap the custom runtime's start script, which brings its own JVM, class path and
 *        flags (null: started from the fields above)
 */
record Packaging(String name, String description, Path javaHome, String classPath, List<String> flags,
        List<String> trainFlags, Path cache, Path directory, Path bootstrap) {

    Packaging(String name, String description, Path javaHome, String classPath, List<String> flags,
            List<String> trainFlags, Path cache) {
        this(name, description, javaHome, classPath, flags, trainFlags, cache, null, null);
    }

    /** A provided.al2023 runtime unzipped into {@code directory}, as Lambda starts it. */
    static Packaging customRuntime(String name, String description, Path directory) {
        return new Packaging(name, description, null, null, List.of(), List.of(), null, directory,
                directory.resolve("bootstrap"));
    }

    boolean needsTraining() {
        return cache != null;
    }
}
