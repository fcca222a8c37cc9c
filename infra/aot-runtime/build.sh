#!/usr/bin/env bash
# Builds target/function.zip for FunctionRuntime=jvm25-aot (infra/template.yaml): a Lambda custom
# runtime (provided.al2023) holding
#   bootstrap      infra/aot-runtime/bootstrap: starts the JVM below on the runtime interface client
#   jre/           a JDK 25 jlinked to the modules the function needs
#   app.jar lib/   the function (the JVM build of ./mvnw package; its classes as one jar, since the
#                  AOT cache takes classes from jars only)
#   ric/           AWS's runtime interface client 2.10.1 and its two dependencies
#   app.aot        the AOT cache, trained on real requests (eligibility, batch, profile cards)
#                  against DynamoDB Local through a loopback fake of the Runtime API
#   jvm.options    infra/aot-runtime/jvm.options: C1 only and SerialGC for a short-lived,
#                  single-threaded function (the fastest start measured, bench/README.md)
#
# The cache holds class metadata and profiles of the JDK that made it, for its architecture:
# build on the Architecture you deploy (an arm64 runner with an arm64 JDK 25 for the default
# arm64), with JDK_25 pointing at that JDK. Maven itself may run on any JDK 17+.
#
# usage: bash infra/aot-runtime/build.sh       (JDK_25 defaults to /usr/lib/jvm/temurin-25-jdk-amd64;
#        AOT_RUNTIME_ZIP: where to write the zip, by default target/function.zip, which the template deploys)
set -euo pipefail
cd "$(dirname "$0")/../.."

jdk=${JDK_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$jdk/bin/jlink" ] || { echo "build.sh: no JDK 25 at $jdk (set JDK_25)" >&2; exit 1; }
"$jdk/bin/java" -version 2>&1 | grep -q 'version "25' || { echo "build.sh: $jdk is not a JDK 25" >&2; exit 1; }

out=target/aot-runtime
zip=$(realpath -m "${AOT_RUNTIME_ZIP:-target/function.zip}")
task=$out/task
rm -rf "$out"
mkdir -p "$task"

./mvnw -B -q package -DskipTests
./mvnw -B -q -f bench/pom.xml package    # the training harness and the runtime interface client

# The function as the JVM build packages it, its own classes and resources as app.jar
unzip -q target/function.zip -d "$out/function"
(cd "$out/function" && "$jdk/bin/jar" --create --file "../task/app.jar" $(ls -A | grep -v '^lib$'))
cp -r "$out/function/lib" "$task/lib"
mkdir -p "$task/ric" && cp bench/target/ric/*.jar "$task/ric/"

# The class path in a fixed order, relative to the task root: the cache is valid only for it.
(cd "$task" && { echo app.jar; ls lib/*.jar | sort; ls ric/*.jar | sort; } | paste -sd: -) > "$task/classpath"
cp infra/aot-runtime/bootstrap infra/aot-runtime/jvm.options "$task/"

# JDK 25 cut down to what the function uses (TLS to DynamoDB needs jdk.crypto.ec).
"$jdk/bin/jlink" --output "$task/jre" --strip-debug --no-man-pages --no-header-files --compress zip-6 \
    --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.crypto.ec,jdk.management,jdk.naming.dns,jdk.unsupported,jdk.zipfs

# Fixed modification times: the JVM checks the jars of the class path against the cache.
find "$task" -exec touch -h -d '2000-01-01 00:00:00 UTC' {} +

java -Xmx1g -cp "bench/target/classes:bench/target/lib/*" com.contoso.linkedin.bench.Bench train-runtime "$task"
touch -d '2000-01-01 00:00:00 UTC' "$task/app.aot"

rm -f "$zip"
(cd "$task" && zip -q -r -X -y "$zip" .)
echo "build.sh: $zip for FunctionRuntime=jvm25-aot on $(uname -m) ($(du -h "$zip" | cut -f1) zipped, $(du -sh "$task" | cut -f1) unzipped)"

# The zip as Lambda would run it: unzipped afresh, bootstrap started, the cache required.
java -Xmx1g -cp "bench/target/classes:bench/target/lib/*" com.contoso.linkedin.bench.Bench check-runtime "$zip"
