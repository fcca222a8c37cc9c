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
# BENCH_JDK25 (/usr/lib/jvm/temurin-25-jdk-amd64; its packagings are left out when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${BENCH_SKIP_PACKAGE:-0}" != 1 ] || [ ! -f target/function.zip ]; then
  ./mvnw -B -q package -DskipTests
fi
./mvnw -B -q -f bench/pom.xml package

jdk17=${BENCH_JDK17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
exec "$jdk17/bin/java" -Xmx2g \
  -Dbench.rounds="${BENCH_ROUNDS:-7}" -Dbench.coldRuns="${BENCH_COLD_RUNS:-5}" -Dbench.warmup="${BENCH_WARMUP:-10000}" \
  -Dbench.jdk17="$jdk17" -Dbench.jdk25="${BENCH_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}" \
  -Dbench.function=target/function.zip -Dbench.ric=bench/target/ric -Dbench.work=bench/target/work \
  -cp "bench/target/classes:bench/target/lib/*" com.contoso.linkedin.bench.Bench
