#!/usr/bin/env bash
# The speed benchmark of bench/README.md, one command: bash bench/run.sh
#
# Packages the function (target/function.zip, tests skipped: ./mvnw verify runs them), builds the
# benchmark (bench/pom.xml, a separate Maven project), Quarkus' package-time caches and the
# FunctionRuntime=jvm25-aot zip (infra/aot-runtime/build.sh, into bench/target/jvm25-aot.zip),
# then runs it: DynamoDB Local in memory, the production artifacts under AWS's runtime interface
# client against a loopback fake Runtime API, every figure a ratio of two sides measured in
# interleaved rounds. Prints the table and writes it to bench/target/results.md. About 14 minutes
# on 2 cores.
#
# `bash bench/run.sh starts` measures R4 and R5 alone (bench/target/results-starts.md), for work
# on start-up. `bash bench/run.sh authorizer` measures R6 and R7 alone, the Lambda authorizer
# (target/authorizer.zip) against the raw GetItem and the default packaging's start
# (bench/target/results-authorizer.md), without building the caches and the jvm25-aot zip.
#
# Knobs (environment): BENCH_ROUNDS (7), BENCH_COLD_RUNS (9), BENCH_WARMUP (10000),
# BENCH_SKIP_PACKAGE=1 (reuse target/function.zip and the caches and runtime zip already built),
# BENCH_JDK17 (the `java` on PATH), BENCH_JDK25 (/usr/lib/jvm/temurin-25-jdk-amd64; its packagings
# are left out when missing), BENCH_QUARKUS_CACHES=0 (leave out Quarkus' package-time AppCDS/AOT
# packagings), BENCH_PACKAGINGS (a comma-separated subset, jdk17 always included),
# BENCH_COLD_FLAGS (JVM flags added to the cold starts of BENCH_COLD_FLAGS_FOR, a comma-separated
# list of packagings, by default jvm25-aot; RUN stands for the run's number, e.g.
# "-agentpath:/path/libasyncProfiler.so=start,event=cpu,file=/tmp/cpu-RUN.jfr"), BENCH_WARM_FLAGS
# (JVM flags of the warm function that R1-R3 measure, a profiler agent, say).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${BENCH_SKIP_PACKAGE:-0}" != 1 ] || [ ! -f target/function.zip ]; then
  ./mvnw -B -q package -DskipTests
fi
./mvnw -B -q -f bench/pom.xml package

# Quarkus' own package-time caches for R4 (quarkus.package.jar.aot.*, Maven on JDK 25): built in a
# copy of the project so that target/ keeps the default artifact. BENCH_QUARKUS_CACHES=0 skips them.
jdk25=${BENCH_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
caches=bench/target/quarkus-caches
only_authorizer=0
[ "${1:-}" = authorizer ] && only_authorizer=1
if [ "${BENCH_QUARKUS_CACHES:-1}" = 1 ] && [ "${BENCH_SKIP_PACKAGE:-0}" != 1 ] && [ $only_authorizer = 0 ] \
    && [ -x "$jdk25/bin/java" ]; then
  rm -rf "$caches" && mkdir -p "$caches/project"
  cp -r pom.xml mvnw .mvn src "$caches/project/"
  for type_file in AppCDS:app-cds.jsa AOT:app.aot; do
    type=${type_file%%:*} file=${type_file#*:}
    rm -rf "$caches/project/target"
    (cd "$caches/project" && JAVA_HOME="$jdk25" ./mvnw -B -q package -DskipTests \
      -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=$type -Dquarkus.package.jar.aot.phase=BUILD)
    mkdir -p "$caches/$type"
    # cp -p: the cache records the jars' modification times
    cp -rp "$caches/project/target/"*-runner.jar "$caches/project/target/lib" "$caches/project/target/$file" "$caches/$type/"
  done
fi

# The deployable winner, built as infra deploys it; target/function.zip stays the default artifact.
if [ "${BENCH_SKIP_PACKAGE:-0}" != 1 ] && [ $only_authorizer = 0 ] && [ -x "$jdk25/bin/java" ]; then
  AOT_RUNTIME_ZIP=bench/target/jvm25-aot.zip JDK_25="$jdk25" bash infra/aot-runtime/build.sh
fi

[ "${BENCH_QUARKUS_CACHES:-1}" = 1 ] || caches=none   # packagings whose files are missing are left out

jdk17=${BENCH_JDK17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
exec "$jdk17/bin/java" -Xmx2g \
  -Dbench.rounds="${BENCH_ROUNDS:-7}" -Dbench.coldRuns="${BENCH_COLD_RUNS:-9}" -Dbench.warmup="${BENCH_WARMUP:-10000}" \
  -Dbench.jdk17="$jdk17" -Dbench.jdk25="$jdk25" -Dbench.quarkusCaches="$caches" \
  -Dbench.function=target/function.zip -Dbench.ric=bench/target/ric -Dbench.work=bench/target/work \
  -Dbench.packagings="${BENCH_PACKAGINGS:-}" -Dbench.coldFlags="${BENCH_COLD_FLAGS:-}" \
  -Dbench.coldFlagsFor="${BENCH_COLD_FLAGS_FOR:-}" -Dbench.warmFlags="${BENCH_WARM_FLAGS:-}" -Dbench.runtimeZip=bench/target/jvm25-aot.zip \
  -Dbench.authorizer=target/authorizer.zip \
  -cp "bench/target/classes:bench/target/lib/*" com.contoso.linkedin.bench.Bench "$@"
