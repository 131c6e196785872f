#!/usr/bin/env bash
# Chanflow's benchmark suite (issue 6), in one command: builds the JMH jar, runs JMH (JSON), W5's memory
# probes and `go test -bench` back to back, then prints one table (Chanflow, Go, Jox, JDK, ratios), the W5
# memory and bridge (Reactor/RxJava baselines) tables, and draws a PNG plot. See BENCHMARKS.md at the root.
#
#   benchmarks/run.sh            the full run: issue 6's batch sizes, 1 fork, 2 warm-up + 3 measured
#                                iterations of 1 s per benchmark (about 20-25 minutes on 2 cores)
#   benchmarks/run.sh --smoke    1 short iteration, batches scaled by 0.01, no forks: checks the suite
#                                still works (under 2 minutes); the numbers mean nothing
#
# Options:
#   --out DIR        where results go (default: benchmarks/results, or benchmarks/target/smoke-results
#                    with --smoke): jmh.json, go.txt, w5mem.jsonl, env.txt, table.txt, table.md, plot.png
#   --filter REGEX   run only the benchmarks matching REGEX (JMH's include regex; also Go's -bench)
#   --scale X        scale every batch size (default 1; --smoke uses 0.01)
#   --w5n N          goroutines for the W5 memory probes (default 1000000 x scale)
#   --jvm-args "..." extra JVM options for the benchmark JVMs and the W5 memory probes, e.g.
#                    --jvm-args "-Dchanflow.spins=0" to compare engine settings
#   --no-build       reuse benchmarks/target/benchmarks.jar
#   --no-go          skip the Go side
# Environment:
#   JMH_ARGS         replaces the JMH run options (default "-f 1 -wi 2 -w 1s -i 3 -r 1s"), e.g.
#                    JMH_ARGS="-f 2 -wi 5 -i 10" for a quiet machine
#   GO_BENCHTIME     go test -benchtime (default 1s; 100ms with --smoke)
#   GO_COUNT         go test -count (default 1); the table takes the median of the repetitions
#   JAVA_HOME        a JDK 21+ (default: /usr/lib/jvm/temurin-25-jdk-amd64 if present)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

smoke=0; out=""; filter=""; scale=""; w5n=""; jvm_args=""; build=1; with_go=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --smoke) smoke=1 ;;
    --out) out="$2"; shift ;;
    --filter) filter="$2"; shift ;;
    --scale) scale="$2"; shift ;;
    --w5n) w5n="$2"; shift ;;
    --jvm-args) jvm_args="$2"; shift ;;
    --no-build) build=0 ;;
    --no-go) with_go=0 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if (( smoke )); then
  scale="${scale:-0.01}"
  out="${out:-$here/target/smoke-results}"
  jmh_args="${JMH_ARGS:--f 0 -wi 0 -i 1 -r 100ms}"
  go_benchtime="${GO_BENCHTIME:-100ms}"
  w5n="${w5n:-$(python3 -c "print(max(1000, round(1000000 * $scale)))" 2>/dev/null || echo 10000)}"
else
  scale="${scale:-1}"
  out="${out:-$here/results}"
  jmh_args="${JMH_ARGS:--f 1 -wi 2 -w 1s -i 3 -r 1s}"
  go_benchtime="${GO_BENCHTIME:-1s}"
  w5n="${w5n:-$(python3 -c "print(max(1000, round(1000000 * $scale)))" 2>/dev/null || echo 1000000)}"
fi
# --- JDK ------------------------------------------------------------------------------------------------
java_ok() { [[ -x "$1/bin/java" ]] && "$1/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; }
if [[ -z "${JAVA_HOME:-}" ]] || ! java_ok "$JAVA_HOME"; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if java_ok "$candidate"; then JAVA_HOME="$candidate"; break; fi
  done
fi
if [[ -z "${JAVA_HOME:-}" ]] || ! java_ok "$JAVA_HOME"; then
  echo "error: no JDK 21+ found; set JAVA_HOME (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)" >&2
  exit 1
fi
export JAVA_HOME
java="$JAVA_HOME/bin/java"

# --- Go -------------------------------------------------------------------------------------------------
if (( with_go )) && ! command -v go >/dev/null 2>&1; then
  echo "warning: Go is not installed, so the Go column stays empty."
  echo "         Install it with:  apt-get update && apt-get install -y golang-go   (Debian 12: Go 1.19)"
  with_go=0
fi

# --- build ----------------------------------------------------------------------------------------------
jar="$here/target/benchmarks.jar"
if (( build )); then
  echo "== building the benchmarks jar"
  rm -rf "$here/target"
  (cd "$root" && ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests)
fi
[[ -f "$jar" ]] || { echo "error: $jar is missing (run without --no-build)" >&2; exit 1; }

# --- environment record -----------------------------------------------------------------------------------
mkdir -p "$out"
out="$(cd "$out" && pwd)"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  if rev="$(git -C "$root" rev-parse --short HEAD 2>/dev/null)"; then
    git -C "$root" diff --quiet HEAD -- core || rev="$rev (core has uncommitted changes)"
    echo "git: $rev"
  fi
  echo "mode: $( ((smoke)) && echo smoke || echo full ), scale $scale, JMH: $jmh_args, go -benchtime $go_benchtime, W5 memory: $w5n goroutines${jvm_args:+, JVM options: $jvm_args}"
  echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //')"
  echo "memory: $(free -g 2>/dev/null | awk '/^Mem:/ {print $2 " GB"}')"
  echo "kernel: $(uname -sr)"
  echo "java: $("$java" -version 2>&1 | head -n 2 | tr '\n' ' ')"
  echo "go: $( ((with_go)) && go version || echo 'not run')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/env.txt"
cat "$out/env.txt"

# --- JMH ------------------------------------------------------------------------------------------------
echo "== JMH ($jmh_args)"
# shellcheck disable=SC2086  # jmh_args is a list of options
# -jvmArgsPrepend keeps the heap options of Bench's @Fork (-jvmArgsAppend would replace them).
# shellcheck disable=SC2086  # jvm_args is a list of options
"$java" -Dchanflow.bench.scale="$scale" $jvm_args -jar "$jar" $jmh_args \
  -jvmArgsPrepend "-Dchanflow.bench.scale=$scale${jvm_args:+ $jvm_args}" \
  -rf json -rff "$out/jmh.json" ${filter:+"$filter"} | tee "$out/jmh.txt"

# --- W5 memory: one fresh process per implementation ----------------------------------------------------
rm -f "$out/w5mem.jsonl"
if [[ -z "$filter" || "W5" =~ $filter ]]; then
  echo "== W5 memory ($w5n goroutines)"
  for impl in chanflow chanflowPlainThreads jox jdk; do
    # shellcheck disable=SC2086
    "$java" $jvm_args -cp "$jar" io.chanflow.benchmarks.W5Memory "$impl" "$w5n" | tee -a "$out/w5mem.jsonl"
  done
  if (( with_go )); then
    (cd "$here/go" && go run ./cmd/w5mem -n "$w5n") | tee -a "$out/w5mem.jsonl"
  fi
fi

# --- Go -------------------------------------------------------------------------------------------------
if (( with_go )); then
  echo "== go test -bench (-benchtime $go_benchtime, -count ${GO_COUNT:-1})"
  (cd "$here/go" && go test -run '^$' -bench "${filter:-.}" -benchtime "$go_benchtime" -count "${GO_COUNT:-1}" -timeout 60m \
    -args -scale="$scale") | tee "$out/go.txt"
else
  rm -f "$out/go.txt"
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/env.txt"

# --- table and plot -------------------------------------------------------------------------------------
echo "== results ($out)"
if command -v python3 >/dev/null 2>&1; then
  python3 "$here/report.py" "$out"
  "$java" -Djava.awt.headless=true -cp "$jar" io.chanflow.benchmarks.report.Plot "$out/plot.tsv" "$out/plot.png"
  echo "plot: $out/plot.png"
else
  echo "python3 is missing: no table (the raw results are in $out)" >&2
fi
