#!/usr/bin/env bash
# The speed benchmark of README "Speed", one command: bash bench/run.sh
#
# Packages the function (target/function.zip, tests skipped: ./mvnw verify runs them), builds the
# benchmark (bench/pom.xml, a separate Maven project), then runs it: DynamoDB Local in memory,
# the production artifact under AWS's runtime interface client against a loopback fake Runtime
# API, every figure a ratio of two sides measured in interleaved rounds. Prints the table and
# writes it to bench/target/results.md. About 6 minutes on 2 cores.
#
# Knobs (environment): BENCH_ROUNDS (7), BENCH_COLD_RUNS (5), BENCH_WARMUP (10000),
# BENCH_SKIP_PACKAGE=1 (reuse target/function.zip), BENCH_JDK17 (the `java` on PATH),
# BENCH_JDK25 (/usr/lib/jvm/temurin-25-jdk-amd64; its packagings are left out when missing),
# BENCH_QUARKUS_CACHES=0 (leave out Quarkus' package-time AppCDS/AOT packagings).
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
if [ "${BENCH_QUARKUS_CACHES:-1}" = 1 ] && [ -x "$jdk25/bin/java" ]; then
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

jdk17=${BENCH_JDK17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
exec "$jdk17/bin/java" -Xmx2g \
  -Dbench.rounds="${BENCH_ROUNDS:-7}" -Dbench.coldRuns="${BENCH_COLD_RUNS:-5}" -Dbench.warmup="${BENCH_WARMUP:-10000}" \
  -Dbench.jdk17="$jdk17" -Dbench.jdk25="$jdk25" -Dbench.quarkusCaches="$caches" \
  -Dbench.function=target/function.zip -Dbench.ric=bench/target/ric -Dbench.work=bench/target/work \
  -cp "bench/target/classes:bench/target/lib/*" com.contoso.linkedin.bench.Bench
