package com.contoso.linkedin.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The speed benchmark of bench/README.md: the production artifact (target/function.zip) run by
 * AWS's runtime interface client against a loopback fake Runtime API, on DynamoDB Local started
 * here, every figure a ratio of two sides measured in interleaved rounds so that noise from the
 * machine weighs on both. Run with {@code bash bench/run.sh}.
 */
public final class Bench {

    static final String TABLE = "linkedin-integration-bench";
    static final int USERS = 101;
    /** R10's floor: a handler reading the same item with the same SDK client and no framework. */
    static final String BARE = "bare";
    static final String BARE_HANDLER = "com.contoso.linkedin.bench.BareHandler::handleRequest";
    /**
     * The options Lambda's java17 and java21 runtimes start the JVM with (AWS, "Customize Java
     * runtime startup behavior": tiered compilation stops at C1; SerialGC), which the jdk17 row,
     * R4's divisor since R4 was defined, does not use: R10 is reported both ways.
     */
    static final List<String> LAMBDA_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    static final String WITH_LAMBDA_OPTIONS = "-c1-serial";
    static final String WITH_LAMBDA_OPTIONS_DESCRIBED = "the same with the JVM options of Lambda's java17/java21 "
            + "runtimes (C1 only, SerialGC)";
    /** R5h: the first request through Quarkus' HTTP layer, with and without that half of priming. */
    static final String HTTP_LAYER = "http-layer";
    /** The packaging infra offers as FunctionRuntime=jvm25-aot, which R4's target applies to. */
    static final String DEPLOYABLE_WINNER = "jvm25-aot";

    final Path work;
    final Path functionZip;
    final Path ricDir;
    final Path jdk17;
    final Path jdk25;
    final Path quarkusCaches;
    final Path runtimeZip;
    final Path authorizerZip;
    final int rounds;
    final int coldRuns;
    final int warmup;
    final StringBuilder out = new StringBuilder();

    DynamoDBProxyServer dynamoLocal;
    int dynamoPort;
    DynamoDbClient raw;
    String tenant;
    List<String> users;
    Map<String, Map<String, AttributeValue>> userKeys = new HashMap<>();

    Bench() {
        work = Path.of(prop("bench.work", "bench/target/work")).toAbsolutePath();
        functionZip = Path.of(prop("bench.function", "target/function.zip")).toAbsolutePath();
        ricDir = Path.of(prop("bench.ric", "bench/target/ric")).toAbsolutePath();
        jdk17 = Path.of(prop("bench.jdk17", System.getProperty("java.home")));
        jdk25 = Path.of(prop("bench.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        quarkusCaches = Path.of(prop("bench.quarkusCaches", "bench/target/quarkus-caches")).toAbsolutePath();
        runtimeZip = Path.of(prop("bench.runtimeZip", "bench/target/jvm25-aot.zip")).toAbsolutePath();
        authorizerZip = Path.of(prop("bench.authorizer", "target/authorizer.zip")).toAbsolutePath();
        rounds = Integer.parseInt(prop("bench.rounds", "7"));
        coldRuns = Integer.parseInt(prop("bench.coldRuns", "9"));
        warmup = Integer.parseInt(prop("bench.warmup", "10000"));
    }

    /** BENCH_WARM_FLAGS: JVM flags for the warm function of R1-R3 (a profiler agent, say). */
    private static List<String> warmFlags() {
        String flags = prop("bench.warmFlags", "");
        return flags.isEmpty() ? List.of() : List.of(flags.split(" "));
    }

    private static String prop(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench();
        try {
            if (args.length == 2 && args[0].equals("train-runtime")) {
                bench.trainRuntime(Path.of(args[1]).toAbsolutePath());
            } else if (args.length == 2 && args[0].equals("check-runtime")) {
                bench.checkRuntime(Path.of(args[1]).toAbsolutePath());
            } else if (args.length == 1 && args[0].equals("starts")) {
                bench.runStarts();
            } else if (args.length == 1 && args[0].equals("authorizer")) {
                bench.runAuthorizer();
            } else {
                bench.run();
            }
        } finally {
            bench.stop();
        }
        System.exit(0);
    }

    // ---- the run ----------------------------------------------------------------------------

    void run() throws Exception {
        Files.createDirectories(work);
        long begun = System.nanoTime();
        List<Packaging> packagings = packagings();

        startDynamoDbLocal();
        log("DynamoDB Local on port %d; %d packagings; %d rounds; %d cold starts each", dynamoPort,
                packagings.size(), rounds, coldRuns);

        Packaging standard = packagings.get(0);
        Map<String, Object> warm = new LinkedHashMap<>();
        Map<String, List<double[]>> cold;
        try (AuthorizerSide authorizer = authorizerSide(standard);
                FakeRuntimeApi authApi = new FakeRuntimeApi();
                FunctionProcess authorizerProcess = authorizer.start(authApi, work.resolve("authorizer-warm.log"));
                FakeRuntimeApi api = new FakeRuntimeApi();
                FunctionProcess function = FunctionProcess.start(standard, warmFlags(), api, env(dynamoPort),
                        work.resolve("function-warm.log"))) {
            warmAuthorizer(authorizer, authApi);
            seed(api);
            log("seeded tenant %s with %d connected users; warming up with %d checks", tenant, USERS, warmup);
            for (int i = 0; i < warmup; i++) {
                expectOk(api.invoke(Events.eligibility(tenant, users.get(i % USERS))));
            }
            warm.put("rssKb", function.residentKb());
            // An instance serves batches and profile cards too, through the HTTP layer: warm those
            // paths as well, so that R2 and R3 compare warm code with the warm raw client.
            for (int i = 0; i < 300; i++) {
                expectOk(api.invoke(Events.profileCards(tenant, users.get(i % USERS), users.subList(1, USERS))));
                if (i % 3 == 0) {
                    expectOk(api.invoke(Events.batch(tenant, users.subList(1, USERS))));
                }
            }
            for (int i = 0; i < 3000; i++) {
                rawGet(users.get(i % USERS));
            }
            for (int i = 0; i < 300; i++) {
                rawRead101();
            }
            warmRounds(api, authorizer, authApi, warm);
            authorizerProcess.close();
            Map<String, Map<String, Integer>> counts = countStoreCalls(standard);
            trainAll(packagings);
            // This JVM holds DynamoDB Local and the fake Runtime API: its garbage from the warm rounds
            // is collected now, not by a collection that would land inside a cold start.
            System.gc();
            cold = coldStarts(packagings, authorizer);
            report(packagings, warm, counts, cold, (System.nanoTime() - begun) / 1e9);
        }
    }

    /**
     * R6 and R7 alone ({@code bash bench/run.sh authorizer}): the authorizer's warm p50 against
     * the raw GetItem in interleaved rounds, its start against the default packaging's (jdk17).
     */
    void runAuthorizer() throws Exception {
        Files.createDirectories(work);
        long begun = System.nanoTime();
        List<Packaging> packagings = List.of(packagings().get(0));
        startDynamoDbLocal();
        Map<String, Object> warm = new LinkedHashMap<>();
        try (AuthorizerSide authorizer = authorizerSide(packagings.get(0))) {
            try (FakeRuntimeApi api = new FakeRuntimeApi();
                    FunctionProcess function = FunctionProcess.start(packagings.get(0), List.of(), api, env(dynamoPort),
                            work.resolve("function-seed.log"))) {
                seed(api);
            }
            try (FakeRuntimeApi authApi = new FakeRuntimeApi();
                    FunctionProcess process = authorizer.start(authApi, work.resolve("authorizer-warm.log"))) {
                warmAuthorizer(authorizer, authApi);
                for (int i = 0; i < 3000; i++) {
                    rawGet(users.get(i % USERS));
                }
                warmRounds(null, authorizer, authApi, warm);
            }
            System.gc();
            report(packagings, warm, null, coldStarts(packagings, authorizer), (System.nanoTime() - begun) / 1e9);
        }
    }

    /**
     * The authorizer of target/authorizer.zip, after a check that function.zip's layout (as
     * Lambda's java runtime loads it) runs the same handler: one token passes, one is refused.
     */
    AuthorizerSide authorizerSide(Packaging standard) throws Exception {
        AuthorizerSide authorizer = new AuthorizerSide(authorizerZip, work, jdk17, ricClassPath());
        Packaging fromFunctionZip = new Packaging("authorizer-in-function-zip", "", standard.javaHome(),
                standard.classPath(), List.of(), List.of(), null);
        try (FakeRuntimeApi api = new FakeRuntimeApi();
                FunctionProcess process = FunctionProcess.start(fromFunctionZip, List.of(), api, authorizer.env(),
                        work.resolve("authorizer-function-zip.log"), AuthorizerSide.HANDLER)) {
            AuthorizerSide.expectAuthorized(api.invoke(authorizer.event(0)));
            AuthorizerSide.expectRefused(api.invoke(AuthorizerSide.event("Bearer " + authorizer.expiredToken())));
        }
        log("authorizer from function.zip's layout: a valid token passes, an expired one is refused");
        return authorizer;
    }

    void warmAuthorizer(AuthorizerSide authorizer, FakeRuntimeApi authApi) {
        AuthorizerSide.expectRefused(authApi.invoke(AuthorizerSide.event("Basic dXNlcjpwYXNz")));
        for (int i = 0; i < warmup; i++) {
            AuthorizerSide.expectAuthorized(authApi.invoke(authorizer.event(i)));
        }
        log("authorizer warmed up with %d tokens; key set reads so far: %d", warmup, authorizer.keySetReads());
    }

    /** R4 and R5 alone ({@code bash bench/run.sh starts}), for work on start-up. */
    void runStarts() throws Exception {
        Files.createDirectories(work);
        long begun = System.nanoTime();
        List<Packaging> packagings = packagings();
        startDynamoDbLocal();
        try (FakeRuntimeApi api = new FakeRuntimeApi();
                FunctionProcess function = FunctionProcess.start(packagings.get(0), List.of(), api, env(dynamoPort),
                        work.resolve("function-seed.log"))) {
            seed(api);
        }
        trainAll(packagings);
        report(packagings, null, null, coldStarts(packagings), (System.nanoTime() - begun) / 1e9);
    }

    /**
     * The packagings to measure: those named in {@code bench.packagings} (all when empty), always
     * with jdk17 first, the default the ratios divide by.
     */
    List<Packaging> packagings() throws IOException {
        Path unzipped = unzip(functionZip, work.resolve("function"));
        Path appJar = packApp(unzipped, work.resolve("packed/app.jar"));
        String ric = ricClassPath();
        String zipClassPath = unzipped + ":" + unzipped.resolve("lib") + "/*:" + ric;
        String packedClassPath = Stream.concat(Stream.of(appJar), jars(unzipped.resolve("lib")).stream())
                .map(Path::toString).collect(Collectors.joining(":")) + ":" + ric;
        List<Packaging> list = new ArrayList<>();
        list.add(new Packaging("jdk17", "JDK 17, function.zip as Lambda's java runtime loads it (default)", jdk17,
                zipClassPath, List.of(), List.of(), null));
        list.add(new Packaging("jdk17" + WITH_LAMBDA_OPTIONS, WITH_LAMBDA_OPTIONS_DESCRIBED, jdk17, zipClassPath, LAMBDA_JVM_OPTIONS, List.of(), null));
        Path cds = work.resolve("appcds-jdk17.jsa");
        list.add(new Packaging("jdk17-appcds", "JDK 17 + AppCDS archive trained on requests", jdk17, packedClassPath,
                List.of("-XX:SharedArchiveFile=" + cds), List.of("-XX:ArchiveClassesAtExit=" + cds), cds));
        if (Files.isExecutable(jdk25.resolve("bin/java"))) {
            list.add(new Packaging("jdk25", "JDK 25, no cache", jdk25, packedClassPath, List.of(), List.of(), null));
            Path aot = work.resolve("aot-jdk25.aot");
            list.add(new Packaging("jdk25-aot", "JDK 25 + AOT cache trained on requests", jdk25, packedClassPath,
                    List.of("-XX:AOTCache=" + aot), List.of("-XX:AOTCacheOutput=" + aot), aot));
            Path aotC1 = work.resolve("aot-jdk25-c1-serial.aot");
            // The options of FunctionRuntime=jvm25-aot, read from the file its bootstrap reads.
            List<String> shortLived = List.of(Files.readString(Path.of("infra/aot-runtime/jvm.options")).trim()
                    .split("\\s+"));
            list.add(new Packaging("jdk25-aot-c1-serial",
                    "JDK 25 + AOT cache trained on requests + C1 only + SerialGC (jvm25-aot's options, full JDK)", jdk25,
                    packedClassPath, concat(List.of("-XX:AOTCache=" + aotC1), shortLived),
                    concat(List.of("-XX:AOTCacheOutput=" + aotC1), shortLived), aotC1));
            if (Files.exists(runtimeZip)) {
                list.add(Packaging.customRuntime(DEPLOYABLE_WINNER, "FunctionRuntime=jvm25-aot: the zip of "
                        + "infra/aot-runtime/build.sh (jlinked JDK 25, AOT cache, C1 only, SerialGC) run by its bootstrap",
                        unzipRuntime(runtimeZip, work.resolve(DEPLOYABLE_WINNER))));
            } else {
                log("no %s: packaging %s left out (bench/run.sh builds it)", runtimeZip, DEPLOYABLE_WINNER);
            }
            quarkusCache(list, ric, "quarkus-appcds",
                    "JDK 25 + Quarkus' AppCDS archive made at package time (aot.type=AppCDS)", "AppCDS", "app-cds.jsa",
                    List.of("-Xshare:on", "-XX:SharedArchiveFile="));
            quarkusCache(list, ric, "quarkus-aot",
                    "JDK 25 + Quarkus' AOT cache made at package time (aot.type=AOT, phase=BUILD)", "AOT", "app.aot",
                    List.of("-XX:AOTMode=on", "-XX:AOTCache="));
        } else {
            log("no JDK 25 at %s: its packagings are left out", jdk25);
        }
        List<String> wanted = List.of(prop("bench.packagings", "").split(","));
        return list.stream().filter(p -> wanted.contains("") || wanted.contains(p.name()) || p == list.get(0)).toList();
    }

    String ricClassPath() throws IOException {
        return jars(ricDir).stream().map(Path::toString).collect(Collectors.joining(":"));
    }

    void trainAll(List<Packaging> packagings) throws Exception {
        for (Packaging packaging : packagings) {
            if (packaging.needsTraining()) {
                train(packaging);
            }
        }
    }

    /**
     * Quarkus' own cache as bench/run.sh builds it (Maven on JDK 25, the runner jar and its lib/),
     * started the way Lambda's Java runtime starts a handler: the runtime interface client on a
     * class path. The flags make the JVM refuse to start if it cannot use the cache, so that no
     * figure is reported for a cache that was silently ignored.
     */
    void quarkusCache(List<Packaging> list, String ric, String name, String description, String type, String file,
            List<String> flags) throws IOException {
        Path dir = quarkusCaches.resolve(type);
        if (!Files.exists(dir.resolve(file))) {
            log("no %s at %s: packaging %s left out (bench/run.sh builds it)", file, dir, name);
            return;
        }
        Path runner;
        try (Stream<Path> files = Files.list(dir)) {
            runner = files.filter(f -> f.toString().endsWith("-runner.jar")).findFirst().orElseThrow();
        }
        // From its own directory, as Quarkus builds the cache (the archive names the runner jar relatively).
        list.add(new Packaging(name, description, jdk25, runner.getFileName() + ":" + ric,
                List.of(flags.get(0), flags.get(1) + file), List.of(), null, dir, null));
    }

    /** R1, R2, R3 in interleaved rounds: each round runs side A and side B, in alternating order. */
    void warmRounds(FakeRuntimeApi api, AuthorizerSide authorizer, FakeRuntimeApi authApi, Map<String, Object> warm) {
        List<Double> r6 = new ArrayList<>();
        List<Double> authP50 = new ArrayList<>();
        List<Double> r1p50 = new ArrayList<>();
        List<Double> r1p99 = new ArrayList<>();
        List<Double> r2 = new ArrayList<>();
        List<Double> r3 = new ArrayList<>();
        List<Double> fnP50 = new ArrayList<>();
        List<Double> rawP50 = new ArrayList<>();
        List<String> subjects = users.subList(1, USERS);
        for (int round = 0; round < rounds; round++) {
            boolean functionFirst = round % 2 == 0;
            // R1: one check through the function vs one raw GetItem of the same item; R6: the
            // authorizer's answer to one token vs the same raw GetItem. The order of the sides
            // rotates from round to round.
            long[][] sides = new long[3][];
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
            java.util.Collections.rotate(order, round);
            for (int side : order) {
                if (side == 0 && api == null || side == 2 && authApi == null) {
                    continue;
                }
                long[] d = new long[400];
                for (int i = 0; i < d.length; i++) {
                    String user = users.get(i % USERS);
                    d[i] = switch (side) {
                        case 0 -> duration(api.invoke(Events.eligibility(tenant, user)));
                        case 1 -> rawGet(user);
                        default -> duration(AuthorizerSide.expectAuthorized(authApi.invoke(authorizer.event(i))));
                    };
                }
                sides[side] = d;
            }
            if (authApi != null) {
                r6.add(pct(sides[2], 50) / pct(sides[1], 50));
                authP50.add(pct(sides[2], 50) / 1e6);
                rawP50.add(pct(sides[1], 50) / 1e6);
                warm.put("R6", r6);
                warm.put("authP50", authP50);
                warm.put("rawP50", rawP50);
                log("round %d: R6 %.2f (authorizer %.3f ms, raw GetItem %.2f ms)", round + 1, last(r6), last(authP50),
                        last(rawP50));
            }
            if (api == null) {
                continue;
            }
            r1p50.add(pct(sides[0], 50) / pct(sides[1], 50));
            r1p99.add(pct(sides[0], 99) / pct(sides[1], 99));
            fnP50.add(pct(sides[0], 50) / 1e6);
            if (authApi == null) {
                rawP50.add(pct(sides[1], 50) / 1e6);
            }
            // R2: a batch of 100 users vs 100 single checks of the same users
            double batch = 0;
            double singles = 0;
            for (int side : functionFirst ? new int[] { 0, 1 } : new int[] { 1, 0 }) {
                if (side == 0) {
                    long[] d = new long[15];
                    for (int i = 0; i < d.length; i++) {
                        d[i] = duration(expectOk(api.invoke(Events.batch(tenant, subjects))));
                    }
                    batch = pct(d, 50);
                } else {
                    long sum = 0;
                    for (String user : subjects) {
                        sum += duration(api.invoke(Events.eligibility(tenant, user)));
                    }
                    singles = sum;
                }
            }
            r2.add(batch / singles);
            // R3: a profile card of 100 subjects vs a raw read of the same 101 items
            double cards = 0;
            double rawRead = 0;
            for (int side : functionFirst ? new int[] { 0, 1 } : new int[] { 1, 0 }) {
                long[] d = new long[25];
                for (int i = 0; i < d.length; i++) {
                    d[i] = side == 0 ? duration(expectOk(api.invoke(Events.profileCards(tenant, users.get(0), subjects))))
                            : rawRead101();
                }
                if (side == 0) {
                    cards = pct(d, 50);
                } else {
                    rawRead = pct(d, 50);
                }
            }
            r3.add(cards / rawRead);
            log("round %d: R1 p50 %.2f p99 %.2f (function %.2f ms, raw GetItem %.2f ms), R2 %.3f, R3 %.2f", round + 1,
                    last(r1p50), last(r1p99), last(fnP50), last(rawP50), last(r2), last(r3));
        }
        if (api != null) {
            warm.put("R1p50", r1p50);
            warm.put("R1p99", r1p99);
            warm.put("R2", r2);
            warm.put("R3", r3);
            warm.put("fnP50", fnP50);
            warm.put("rawP50", rawP50);
        }
    }

    /** Store calls per request, counted by a proxy in front of DynamoDB Local (outside the function). */
    Map<String, Map<String, Integer>> countStoreCalls(Packaging standard) throws Exception {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        try (CountingProxy proxy = new CountingProxy(dynamoPort); FakeRuntimeApi api = new FakeRuntimeApi();
                FunctionProcess function = FunctionProcess.start(standard, List.of(), api, env(proxy.port()),
                        work.resolve("function-count.log"))) {
            expectOk(api.invoke(Events.eligibility(UUID.randomUUID().toString(), users.get(0))));
            Thread.sleep(1500); // let the priming thread finish its calls
            Map<String, String> steps = new LinkedHashMap<>();
            steps.put("check, tenant not yet cached", Events.eligibility(tenant, users.get(1)));
            steps.put("check, tenant cached", Events.eligibility(tenant, users.get(2)));
            steps.put("batch of 100 users", Events.batch(tenant, users.subList(1, USERS)));
            steps.put("profile card, 99 subjects", Events.profileCards(tenant, users.get(0), users.subList(1, 100)));
            steps.put("profile card, 100 subjects", Events.profileCards(tenant, users.get(0), users.subList(1, USERS)));
            for (var step : steps.entrySet()) {
                Map<String, Integer> before = proxy.snapshot();
                expectOk(api.invoke(step.getValue()));
                Map<String, Integer> after = proxy.snapshot();
                Map<String, Integer> delta = new LinkedHashMap<>();
                after.forEach((op, n) -> {
                    int d = n - before.getOrDefault(op, 0);
                    if (d != 0) {
                        delta.put(op, d);
                    }
                });
                counts.put(step.getKey(), delta);
            }
        }
        log("store calls: %s", counts);
        return counts;
    }

    /** Runs the packaging once on a few real requests so that its JVM writes its cache at exit. */
    void train(Packaging packaging) throws Exception {
        Files.deleteIfExists(packaging.cache());
        Packaging training = new Packaging(packaging.name(), packaging.description(), packaging.javaHome(),
                packaging.classPath(), packaging.trainFlags(), List.of(), null);
        try (FakeRuntimeApi api = new FakeRuntimeApi();
                FunctionProcess function = FunctionProcess.start(training, List.of(), api, env(dynamoPort),
                        work.resolve("train-" + packaging.name() + ".log"))) {
            trainingRequests(api);
        }
        log("trained %s: %s (%d kB)", packaging.name(), packaging.cache().getFileName(),
                Files.exists(packaging.cache()) ? Files.size(packaging.cache()) / 1024 : -1);
        if (!Files.exists(packaging.cache())) {
            throw new IllegalStateException("no cache written by " + packaging.name() + ", see train-" + packaging.name()
                    + ".log");
        }
    }

    /**
     * Trains the AOT cache of the provided.al2023 runtime that infra/aot-runtime/build.sh lays out
     * in {@code task}: its own jlinked JDK, class path and options, on real requests against
     * DynamoDB Local; the JVM writes {@code app.aot} when it exits.
     */
    void trainRuntime(Path task) throws Exception {
        startDynamoDbLocal();
        List<String> command = new ArrayList<>();
        command.add(task.resolve("jre/bin/java").toString());
        command.addAll(Arrays.asList(Files.readString(task.resolve("jvm.options")).trim().split("\\s+")));
        command.add("-XX:AOTCacheOutput=app.aot");
        command.add("-cp");
        command.add(Files.readString(task.resolve("classpath")).trim());
        command.add(FunctionProcess.RIC_MAIN);
        command.add(FunctionProcess.HANDLER);
        Files.deleteIfExists(task.resolve("app.aot"));
        try (FakeRuntimeApi api = new FakeRuntimeApi()) {
            ProcessBuilder builder = new ProcessBuilder(command).directory(task.toFile()).inheritIO();
            builder.environment().putAll(env(dynamoPort));
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
            builder.environment().put("LAMBDA_TASK_ROOT", task.toString());
            Process process = builder.start();
            try {
                seed(api);
                trainingRequests(api);
                for (int i = 0; i < 200; i++) {
                    expectOk(api.invoke(Events.eligibility(tenant, users.get(i % USERS))));
                }
            } finally {
                process.destroy();
                process.waitFor();
            }
        }
        if (!Files.exists(task.resolve("app.aot"))) {
            throw new IllegalStateException("the training run wrote no app.aot");
        }
        log("trained %s (%d MB)", task.resolve("app.aot"), Files.size(task.resolve("app.aot")) >> 20);
    }

    /**
     * Runs a custom runtime zip as Lambda's provided.al2023 would, unzipped into a fresh
     * directory: its {@code bootstrap}, with the AOT cache required (-XX:AOTMode=on makes the JVM
     * refuse to start without it), and reports start to first answer three times.
     */
    void checkRuntime(Path zip) throws Exception {
        startDynamoDbLocal();
        for (int run = 0; run < 3; run++) {
            Packaging runtime = Packaging.customRuntime(DEPLOYABLE_WINNER, "the zip",
                    unzipRuntime(zip, work.resolve("runtime-" + run)));
            try (FakeRuntimeApi api = new FakeRuntimeApi()) {
                // An unknown tenant: a real answer (TENANT_NOT_PROVISIONED) after a real store read.
                FakeRuntimeApi.Invocation first = api.submit(
                        Events.eligibility(UUID.randomUUID().toString(), UUID.randomUUID().toString()));
                try (FunctionProcess function = FunctionProcess.start(runtime, List.of(), api, env(dynamoPort),
                        work.resolve("runtime-" + run + ".log"))) {
                    first.done.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    expectOk(first);
                    log("custom runtime run %d: start to first answer %.0f ms, first request %.1f ms", run + 1,
                            (first.answeredNanos - function.startedNanos) / 1e6, duration(first) / 1e6);
                }
            }
        }
    }

    /** Unzips a custom runtime as Lambda does: modification times kept, bootstrap and JVM executable. */
    static Path unzipRuntime(Path zip, Path target) throws IOException {
        Path task = unzip(zip, target);
        var executable = java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x");
        Files.setPosixFilePermissions(task.resolve("bootstrap"), executable);
        try (Stream<Path> bins = Files.list(task.resolve("jre/bin"))) {
            for (Path bin : bins.toList()) {
                Files.setPosixFilePermissions(bin, executable);
            }
        }
        return task;
    }

    void trainingRequests(FakeRuntimeApi api) {
        for (int i = 0; i < 20; i++) {
            expectOk(api.invoke(Events.eligibility(tenant, users.get(i))));
        }
        for (int i = 0; i < 3; i++) {
            expectOk(api.invoke(Events.batch(tenant, users.subList(1, USERS))));
            expectOk(api.invoke(Events.profileCards(tenant, users.get(0), users.subList(1, USERS))));
        }
    }

    /**
     * R4 and R5: per run, each packaging in turn (the order rotates), from process start to the
     * first successful answer; then the first invocation's duration against the warm p50 of the
     * next 300 checks of the same process. Returns per packaging per run
     * {start-to-answer ms, first-invocation ms, warm p50 ms, RSS kB}.
     */
    Map<String, List<double[]>> coldStarts(List<Packaging> packagings) throws Exception {
        return coldStarts(packagings, null);
    }

    /** The same, with the authorizer (R7) in the rotation when it is given. */
    Map<String, List<double[]>> coldStarts(List<Packaging> packagings, AuthorizerSide authorizer) throws Exception {
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        List<Packaging> steps = new ArrayList<>(packagings);
        steps.add(bare(packagings.get(0)));
        packagings.stream().filter(p -> p.name().equals("jdk17" + WITH_LAMBDA_OPTIONS)).findFirst()
                .ifPresent(withOptions -> steps.add(bare(withOptions)));
        steps.addAll(httpLayerFirst(packagings.get(0)));
        if (authorizer != null) {
            steps.add(authorizer.packaging);
        }
        steps.forEach(p -> results.put(p.name(), new ArrayList<>()));
        for (int run = 0; run < coldRuns; run++) {
            for (int k = 0; k < steps.size(); k++) {
                Packaging packaging = steps.get((k + run) % steps.size());
                if (authorizer != null && packaging == authorizer.packaging) {
                    results.get(packaging.name()).add(authorizerColdStart(authorizer, run));
                    continue;
                }
                try (FakeRuntimeApi api = new FakeRuntimeApi()) {
                    String user = users.get((run * 7 + k) % USERS);
                    boolean httpLayer = packaging.name().startsWith(HTTP_LAYER);
                    FakeRuntimeApi.Invocation first = api.submit(httpLayer ? Events.setting(tenant)
                            : Events.eligibility(tenant, user));
                    // BENCH_COLD_FLAGS: flags for some packagings' cold starts (a profiler agent, say); RUN is the run's number
                    List<String> flagged = List.of(prop("bench.coldFlagsFor", DEPLOYABLE_WINNER).split(","));
                    List<String> extra = flagged.contains(packaging.name()) && !prop("bench.coldFlags", "").isEmpty()
                            ? List.of(prop("bench.coldFlags", "").replace("RUN", Integer.toString(run)).split(" "))
                            : List.of();
                    try (FunctionProcess function = FunctionProcess.start(packaging, extra, api, env(dynamoPort),
                            work.resolve("cold-" + packaging.name() + "-" + run + ".log"),
                            packaging.name().startsWith(BARE) ? BARE_HANDLER : FunctionProcess.HANDLER)) {
                        first.done.get(120, java.util.concurrent.TimeUnit.SECONDS);
                        expectOk(first);
                        double toAnswer = (first.answeredNanos - function.startedNanos) / 1e6;
                        long[] d = new long[300];
                        for (int i = 0; i < d.length; i++) {
                            d[i] = duration(expectOk(api.invoke(httpLayer ? Events.setting(tenant)
                                    : Events.eligibility(tenant, users.get(i % USERS)))));
                        }
                        long[] lastPart = Arrays.copyOfRange(d, 100, d.length);
                        results.get(packaging.name()).add(new double[] { toAnswer, duration(first) / 1e6,
                                pct(lastPart, 50) / 1e6, function.residentKb() });
                    }
                }
            }
            StringBuilder line = new StringBuilder();
            results.forEach((name, list) -> line.append(String.format(Locale.ROOT, " %s %.0f ms;", name,
                    list.get(list.size() - 1)[0])));
            log("cold run %d:%s", run + 1, line);
        }
        return results;
    }

    /**
     * R5h: the default packaging answering a route of the HTTP layer first (the setting), with its
     * priming as every function but the eligibility one has it, and without the HTTP-layer half.
     */
    List<Packaging> httpLayerFirst(Packaging standard) {
        return List.of(new Packaging(HTTP_LAYER + "-primed", "first request through the HTTP layer, HTTP layer primed",
                standard.javaHome(), standard.classPath(), List.of("-Dlinkedin.priming.http-layer=true"), List.of(), null),
                new Packaging(HTTP_LAYER + "-unprimed", "first request through the HTTP layer, HTTP layer not primed",
                        standard.javaHome(), standard.classPath(), List.of("-Dlinkedin.priming.http-layer=false"),
                        List.of(), null));
    }

    /**
     * The bare handler on a packaging's JDK, options and class path (the function's own jars give
     * it the same SDK), with only the benchmark's classes in front: the JVM, the runtime interface
     * client, the SDK client's creation and one GetItem, nothing of the application.
     */
    Packaging bare(Packaging standard) {
        String name = standard.flags().isEmpty() ? BARE : BARE + WITH_LAMBDA_OPTIONS;
        return new Packaging(name, "no framework: the same SDK client and GetItem (R10's floor)", standard.javaHome(),
                Path.of("bench/target/classes").toAbsolutePath() + ":" + standard.classPath(), standard.flags(),
                List.of(), null);
    }

    /** One authorizer cold start: process start to its first answer (a valid token), then 300 warm answers. */
    double[] authorizerColdStart(AuthorizerSide authorizer, int run) throws Exception {
        try (FakeRuntimeApi api = new FakeRuntimeApi()) {
            FakeRuntimeApi.Invocation first = api.submit(authorizer.event(run * 7));
            try (FunctionProcess process = authorizer.start(api, work.resolve("cold-authorizer-" + run + ".log"))) {
                first.done.get(120, java.util.concurrent.TimeUnit.SECONDS);
                AuthorizerSide.expectAuthorized(first);
                double toAnswer = (first.answeredNanos - process.startedNanos) / 1e6;
                long[] d = new long[300];
                for (int i = 0; i < d.length; i++) {
                    d[i] = duration(AuthorizerSide.expectAuthorized(api.invoke(authorizer.event(i))));
                }
                long[] lastPart = Arrays.copyOfRange(d, 100, d.length);
                return new double[] { toAnswer, duration(first) / 1e6, pct(lastPart, 50) / 1e6, process.residentKb() };
            }
        }
    }

    // ---- report -----------------------------------------------------------------------------

    /** Prints the table and writes it to bench/target/results.md; warm and counts are null in a starts-only run. */
    @SuppressWarnings("unchecked")
    void report(List<Packaging> packagings, Map<String, Object> warm, Map<String, Map<String, Integer>> counts,
            Map<String, List<double[]>> cold, double seconds) throws IOException {
        StringBuilder t = new StringBuilder();
        t.append("Machine: ").append(machine()).append('\n');
        t.append(String.format(Locale.ROOT, "Run: %s, %s%d cold starts per packaging, %.0f s in all%n%n",
                Instant.now().toString().substring(0, 16) + "Z", warm == null ? "starts only, " : rounds + " rounds, ",
                coldRuns, seconds));
        t.append("| figure | target | median | min–max over rounds |\n|---|---|---|---|\n");
        boolean functionWarm = warm != null && warm.containsKey("R1p50");
        if (functionWarm) {
            row(t, "R1 eligibility p50 ÷ raw GetItem p50", "≤ 1.3", (List<Double>) warm.get("R1p50"), "%.2f");
            row(t, "R1 eligibility p99 ÷ raw GetItem p99", "≤ 1.6", (List<Double>) warm.get("R1p99"), "%.2f");
            row(t, "R2 batch of 100 ÷ 100 single checks", "≤ 0.1", (List<Double>) warm.get("R2"), "%.3f");
            row(t, "R3 profile card of 100 ÷ raw read of its 101 items", "≤ 1.3", (List<Double>) warm.get("R3"), "%.2f");
            row(t, "(eligibility p50, ms)", "", (List<Double>) warm.get("fnP50"), "%.2f");
        }
        if (warm != null && warm.containsKey("R6")) {
            row(t, "R6 authorizer warm p50 ÷ raw GetItem p50", "≤ 0.5", (List<Double>) warm.get("R6"), "%.2f");
            row(t, "(authorizer warm p50, ms)", "", (List<Double>) warm.get("authP50"), "%.3f");
        }
        if (warm != null) {
            row(t, "(raw GetItem p50, ms)", "", (List<Double>) warm.get("rawP50"), "%.2f");
        }
        List<double[]> base = cold.get(packagings.get(0).name());
        for (Packaging p : packagings) {
            List<double[]> runs = cold.get(p.name());
            List<Double> ratio = IntStream.range(0, runs.size()).mapToObj(i -> runs.get(i)[0] / base.get(i)[0]).toList();
            row(t, "R4 start → first answer, " + p.name() + " ÷ jdk17", p.name().equals(DEPLOYABLE_WINNER)
                    ? "≤ 0.3 (best)" : "", ratio, "%.2f");
        }
        for (String name : List.of(HTTP_LAYER + "-primed", HTTP_LAYER + "-unprimed")) {
            List<double[]> runs = cold.get(name);
            if (runs != null) {
                row(t, "R5h first HTTP-layer request ÷ its warm p50, " + name, "", runs.stream().map(r -> r[1] / r[2]).toList(),
                        "%.1f");
                row(t, "R4h start → first HTTP-layer answer, " + name + " ÷ jdk17's check", "", IntStream.range(0, runs.size())
                        .mapToObj(i -> runs.get(i)[0] / base.get(i)[0]).toList(), "%.2f");
            }
        }
        List<double[]> bareRuns = cold.get(BARE);
        if (bareRuns != null) {
            row(t, "R10 start → first answer, jdk17 ÷ bare handler", "≤ 1.5", IntStream.range(0, bareRuns.size())
                    .mapToObj(i -> base.get(i)[0] / bareRuns.get(i)[0]).toList(), "%.2f");
        }
        List<double[]> withOptions = cold.get("jdk17" + WITH_LAMBDA_OPTIONS);
        List<double[]> bareWithOptions = cold.get(BARE + WITH_LAMBDA_OPTIONS);
        if (withOptions != null && bareWithOptions != null) {
            row(t, "R10 with Lambda's JVM options on both sides, jdk17" + WITH_LAMBDA_OPTIONS + " ÷ bare" + WITH_LAMBDA_OPTIONS,
                    "", IntStream.range(0, withOptions.size())
                            .mapToObj(i -> withOptions.get(i)[0] / bareWithOptions.get(i)[0]).toList(), "%.2f");
        }
        List<double[]> authorizerRuns = cold.get("authorizer");
        if (authorizerRuns != null) {
            row(t, "R7 authorizer start → first answer ÷ jdk17's", "≤ 0.5", IntStream.range(0, authorizerRuns.size())
                    .mapToObj(i -> authorizerRuns.get(i)[0] / base.get(i)[0]).toList(), "%.2f");
        }
        for (Packaging p : packagings) {
            List<double[]> runs = cold.get(p.name());
            row(t, "R5 first request ÷ warm p50, " + p.name(), "≤ 10",
                    runs.stream().map(r -> r[1] / r[2]).toList(), "%.1f");
        }
        if (functionWarm) {
            double warmedP50 = median((List<Double>) warm.get("fnP50"));
            for (Packaging p : packagings) {
                List<double[]> runs = cold.get(p.name());
                row(t, "R5' first request ÷ p50 after " + warmup + " checks (jdk17), " + p.name(), "",
                        runs.stream().map(r -> r[1] / warmedP50).toList(), "%.1f");
            }
            t.append(String.format(Locale.ROOT, "| resident memory after %d checks (jdk17) | | %d MB | |%n", warmup,
                    ((Number) warm.get("rssKb")).longValue() / 1024));
        }
        t.append("\n| packaging | start → first answer ms, median (min–max) | first request ms | warm p50 ms | RSS MB |\n|---|---|---|---|---|\n");
        List<String> described = new ArrayList<>(packagings.stream().map(Packaging::name).toList());
        if (bareRuns != null) {
            described.add(BARE);
        }
        if (bareWithOptions != null) {
            described.add(BARE + WITH_LAMBDA_OPTIONS);
        }
        described.addAll(List.of(HTTP_LAYER + "-primed", HTTP_LAYER + "-unprimed").stream().filter(cold::containsKey).toList());
        if (authorizerRuns != null) {
            described.add("authorizer");
        }
        for (String name : described) {
            List<double[]> runs = cold.get(name);
            List<Double> ttfa = runs.stream().map(r -> r[0]).toList();
            String description = packagings.stream().filter(p -> p.name().equals(name)).map(Packaging::description).findFirst()
                    .orElse(name.equals(BARE) ? "JDK 17, no framework: the same SDK client and GetItem (R10's floor)"
                            : name.equals(BARE + WITH_LAMBDA_OPTIONS) ? WITH_LAMBDA_OPTIONS_DESCRIBED
                            : name.startsWith(HTTP_LAYER) ? "JDK 17, function.zip, first request GET setting (HTTP layer), "
                                    + (name.endsWith("-primed") ? "HTTP layer primed" : "HTTP layer not primed")
                            : "JDK 17, authorizer.zip as Lambda's java runtime loads it (AuthorizerHandler, local key set)");
            t.append(String.format(Locale.ROOT, "| %s: %s | %.0f (%.0f–%.0f) | %.1f | %.2f | %.0f |%n", name,
                    description, median(ttfa), min(ttfa), max(ttfa), median(runs.stream().map(r -> r[1]).toList()),
                    median(runs.stream().map(r -> r[2]).toList()), median(runs.stream().map(r -> r[3]).toList()) / 1024));
        }
        if (counts != null) {
            t.append("\n| request (store calls seen by a proxy in front of DynamoDB Local) | calls |\n|---|---|\n");
            counts.forEach((step, ops) -> t.append("| ").append(step).append(" | ")
                    .append(ops.isEmpty() ? "none" : ops.entrySet().stream().map(e -> e.getKey() + " × " + e.getValue())
                            .collect(Collectors.joining(", ")))
                    .append(" |\n"));
        }
        System.out.println();
        System.out.println(t);
        Files.writeString(work.resolve(warm == null ? "../results-starts.md"
                : functionWarm ? "../results.md" : "../results-authorizer.md"), t.toString());
    }

    private static void row(StringBuilder t, String name, String target, List<Double> values, String format) {
        t.append("| ").append(name).append(" | ").append(target).append(" | ")
                .append(String.format(Locale.ROOT, format, median(values))).append(" | ")
                .append(String.format(Locale.ROOT, format + "–" + format, min(values), max(values))).append(" |\n");
    }

    static String machine() {
        try {
            String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
            String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("[^0-9]", "");
            String load = Files.readString(Path.of("/proc/loadavg")).trim();
            return String.format(Locale.ROOT, "%d cores (%s), %d GiB, Linux %s, load at end %s",
                    Runtime.getRuntime().availableProcessors(), model, Long.parseLong(mem) / 1024 / 1024,
                    System.getProperty("os.version"), load);
        } catch (IOException e) {
            return "?";
        }
    }

    // ---- store and seeding --------------------------------------------------------------------

    void startDynamoDbLocal() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            dynamoPort = socket.getLocalPort();
        }
        dynamoLocal = ServerRunner.createServerFromCommandLineArgs(
                new String[] { "-inMemory", "-port", Integer.toString(dynamoPort), "-disableTelemetry" });
        dynamoLocal.start();
        raw = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + dynamoPort))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        // As infra/template.yaml declares it (store/dynamodb/TableLayout): keys, and the index of users by tenant.
        raw.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("tenantKey").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("userKey").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .globalSecondaryIndexes(index -> index.indexName("users-by-tenant")
                        .keySchema(KeySchemaElement.builder().attributeName("tenantKey").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("userKey").keyType(KeyType.RANGE).build())
                        .projection(projection -> projection.projectionType("KEYS_ONLY"))));
    }

    Map<String, String> env(int storePort) {
        Map<String, String> env = FunctionProcess.lambdaEnvironment("EligibilityFunction", 1024);
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("LINKEDIN_TABLE_NAME", TABLE);
        // The operator tenant and its trusted app, as infra's OperatorTenantId/TrustedClientIds set them.
        env.put("LINKEDIN_IDENTITY_OPERATOR_TENANT_ID", Events.OPERATOR_TENANT);
        env.put("LINKEDIN_IDENTITY_TRUSTED_CLIENT_IDS", Events.TRUSTED_CLIENT);
        // As infra deploys the eligibility function: its hot routes skip the HTTP layer, so does its priming.
        env.put("LINKEDIN_PRIMING_HTTP_LAYER", "false");
        // The SDK's own variable, not quarkus.dynamodb.endpoint-override: a function that names an
        // endpoint takes it for a local store and makes its table at start-up, which it never does
        // in AWS. This way it starts exactly as it does there and still reaches DynamoDB Local.
        env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + storePort);
        return env;
    }

    /** Through the function itself: the operator provisions, every user connects. */
    void seed(FakeRuntimeApi api) {
        tenant = UUID.randomUUID().toString();
        users = IntStream.range(0, USERS).mapToObj(i -> UUID.randomUUID().toString()).toList();
        expectOk(api.invoke(Events.provision(tenant)));
        for (String user : users) {
            expectOk(api.invoke(Events.connect(tenant, user)));
        }
        // The raw side reads the very items the function reads; their keys are found, not assumed.
        raw.scanPaginator(b -> b.tableName(TABLE)).items().forEach(item -> {
            String pk = item.get("pk").s();
            for (String user : users) {
                if (pk.contains(user)) {
                    userKeys.put(user, Map.of("pk", item.get("pk"), "sk", item.get("sk")));
                }
            }
        });
        if (userKeys.size() != USERS) {
            throw new IllegalStateException("found " + userKeys.size() + " user items of " + USERS);
        }
    }

    long rawGet(String user) {
        long started = System.nanoTime();
        var item = raw.getItem(b -> b.tableName(TABLE).key(userKeys.get(user)).consistentRead(true)).item();
        long took = System.nanoTime() - started;
        if (item == null || item.isEmpty()) {
            throw new IllegalStateException("raw GetItem found nothing");
        }
        return took;
    }

    private final ExecutorService rawThreads = Executors.newFixedThreadPool(2);

    /** 101 keys are more than one BatchGetItem takes: 100 and 1, sent at once, as the function does. */
    long rawRead101() {
        List<Map<String, AttributeValue>> keys = users.stream().map(userKeys::get).toList();
        long started = System.nanoTime();
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> batchGet(keys.subList(100, 101)), rawThreads);
        int found = batchGet(keys.subList(0, 100)) + second.join();
        long took = System.nanoTime() - started;
        if (found != 101) {
            throw new IllegalStateException("raw batch read found " + found);
        }
        return took;
    }

    private int batchGet(List<Map<String, AttributeValue>> keys) {
        var response = raw.batchGetItem(b -> b.requestItems(Map.of(TABLE,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
        if (response.hasUnprocessedKeys() && !response.unprocessedKeys().isEmpty()) {
            throw new IllegalStateException("DynamoDB Local left keys unprocessed");
        }
        return response.responses().get(TABLE).size();
    }

    void stop() {
        rawThreads.shutdownNow();
        if (dynamoLocal != null) {
            try {
                dynamoLocal.stop();
            } catch (Exception e) {
                // exiting anyway
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    static FakeRuntimeApi.Invocation expectOk(FakeRuntimeApi.Invocation invocation) {
        String response = invocation.response;
        if (invocation.error || response == null || !response.matches("(?s).*\"statusCode\"\\s*:\\s*20[01].*")) {
            throw new IllegalStateException("the function did not answer 200: " + response);
        }
        return invocation;
    }

    static long duration(FakeRuntimeApi.Invocation invocation) {
        return invocation.durationNanos();
    }

    static double pct(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
    }

    static Path unzip(Path zip, Path target) throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                old.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                Path to = target.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(in, to);
                    // as unzip(1) does: the AOT cache checks the jars' modification times
                    if (entry.getLastModifiedTime() != null) {
                        Files.setLastModifiedTime(to, entry.getLastModifiedTime());
                    }
                }
            }
        }
        return target;
    }

    /**
     * The function's own classes and resources (the zip's root, lib/ aside) as one jar: class
     * data sharing and the AOT cache take classes from jars only, never from a directory.
     */
    static Path packApp(Path unzipped, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(unzipped)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = unzipped.relativize(file).toString();
                if (name.startsWith("lib/")) {
                    continue;
                }
                out.putNextEntry(new JarEntry(name));
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
        System.out.flush();
    }
}
