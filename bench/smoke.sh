#!/usr/bin/env bash
# A few seconds of every bench scenario (nearby, checkout, flash-sale, redeem, points, pos, table-order) on small
# data, so the tool keeps working (CI runs this). Asserts no speed, only each scenario's correctness check.
set -euo pipefail
cd "$(dirname "$0")/.."

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  for candidate in $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
    if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" -ge 21 ]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
export PATH="$JAVA_HOME/bin:$PATH"

if ! command -v pgbench >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
  else
    echo "pgbench not found: apt-get install postgresql-client" >&2; exit 1
  fi
fi

ls target/o2o-*.jar >/dev/null 2>&1 || ./mvnw -q -B -ntp package -DskipTests
./mvnw -q -B -ntp -f bench/pom.xml package
java -jar bench/target/o2o-bench.jar --smoke --out target/bench-smoke
