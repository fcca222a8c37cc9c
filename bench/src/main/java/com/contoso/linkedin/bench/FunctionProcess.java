package com.contoso.linkedin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The production artifact run the way Lambda runs it: AWS's runtime interface client calls the
 * function's handler, polling a (fake, loopback) Runtime API; on a class path as Lambda's Java
 * runtime starts it, or through a custom runtime's {@code bootstrap}.
 */
final class FunctionProcess implements AutoCloseable {

    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String HANDLER = "com.contoso.linkedin.lambda.FunctionHandler::handleRequest";

    final Process process;
    final long startedNanos;
    final FakeRuntimeApi api;

    private FunctionProcess(Process process, long startedNanos, FakeRuntimeApi api) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.api = api;
    }

    /** Starts the function; events already submitted to {@code api} are served first. */
    static FunctionProcess start(Packaging packaging, List<String> extraFlags, FakeRuntimeApi api,
            Map<String, String> env, Path log) throws IOException {
        return start(packaging, extraFlags, api, env, log, HANDLER);
    }

    /** The same with another handler of the zip (the authorizer's). */
    static FunctionProcess start(Packaging packaging, List<String> extraFlags, FakeRuntimeApi api,
            Map<String, String> env, Path log, String handler) throws IOException {
        List<String> command = new ArrayList<>();
        if (packaging.bootstrap() != null) {
            command.add(packaging.bootstrap().toString());
        } else {
            command.add(packaging.javaHome().resolve("bin/java").toString());
            command.addAll(packaging.flags());
            command.addAll(extraFlags);
            command.add("-cp");
            command.add(packaging.classPath());
            command.add(RIC_MAIN);
            command.add(handler);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (packaging.directory() != null) {
            builder.directory(packaging.directory().toFile());
        }
        builder.environment().putAll(env);
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
        builder.environment().put("_HANDLER", handler);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        if (packaging.bootstrap() != null) {
            builder.environment().put("LAMBDA_TASK_ROOT", packaging.directory().toString());
            // The bootstrap starts the JVM itself, so flags reach it this way: the AOT cache is
            // required (a cache the JVM cannot use fails the run instead of giving a figure without
            // it), and extra flags (a profiler, say) go along.
            builder.environment().put("JAVA_TOOL_OPTIONS",
                    String.join(" ", Stream.concat(Stream.of("-XX:AOTMode=on"), extraFlags.stream()).toList()));
        }
        long started = System.nanoTime();
        return new FunctionProcess(builder.start(), started, api);
    }

    /** What Lambda's runtime sets for every function: its region, name, version, memory and log names. */
    static Map<String, String> lambdaEnvironment(String functionName, int memoryMb) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "bench");
        return env;
    }

    long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // gone
        }
        return -1;
    }

    /** SIGTERM (the JVM exits normally, so caches made at exit are written), then kill. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
