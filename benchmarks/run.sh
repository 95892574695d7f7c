#!/usr/bin/env bash
# Builds the platform and the benchmarks, then runs the three benchmark programs one after the
# other; everything they print also goes to benchmarks/target/results.txt.
#
#   benchmarks/run.sh            full run (about 5 minutes on 2 cores)
#   QUICK=1 benchmarks/run.sh    short durations, to check that everything works (about 1.5 minutes)
#   benchmarks/run.sh command    only CommandThroughput (also: activeflow, interpreter)
#   benchmarks/run.sh calls media dtmf   the issue-4 SIP benchmarks (need sipp); not in the default run
#   BENCH_LOCK=/tmp/callflow-bench.lock benchmarks/run.sh ...   each program waits for that lock
#                                (flock), so benchmarks of others on the machine never overlap
#   benchmarks/run.sh rebuild queries replay    issue 5's three (about 12 minutes; not in the default run)
#
# Benchmark settings (e.g. -Dbench.senders=1,8,32,64) go in BENCH_OPTS, JVM options in JAVA_OPTS.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target="$root/benchmarks/target"

# tests are not run (they are compiled: the app module's tests use the media-adapter test jar);
# BUILD=0 skips the build (e.g. built already, outside a lock held only while measuring)
[[ "${BUILD:-1}" == "0" ]] || mvn -B -q -Dstyle.color=never -pl benchmarks -am -DskipTests package 2>&1 | sed 's/\x1b\[[0-9;]*m//g'

# the app module's jar is repackaged by Spring Boot (nested jars), so its classes go on the class path directly;
# benchmarks/target/classpath.txt (written by the build) holds every other dependency
classpath="$target/classes:$root/app/target/classes:$(cat "$target/classpath.txt")"

quick=()
if [[ "${QUICK:-0}" == "1" ]]; then
  quick=(-Dbench.warmup=1 -Dbench.duration=3
         -Dbench.activeflows=300 -Dbench.warmup-activeflows=50
         -Dbench.jmh.warmups=1 -Dbench.jmh.iterations=2 -Dbench.jmh.seconds=1
         -Dbench.events=50000
         -Dbench.call-duration=10 -Dbench.call-warmup=3
         -Dbench.media-calls=100 -Dbench.media-duration=10 -Dbench.media-settle=2
         -Dbench.dtmf-callers=3 -Dbench.dtmf-keys=30)
fi
read -r -a extra <<< "${BENCH_OPTS:-}"
which=("${@:-command activeflow interpreter}")
read -r -a which <<< "${which[*]}"

# the JVM's defaults, as `java -jar` runs the platform; JAVA_OPTS (e.g. -Xmx2g) changes them
read -r -a java_opts <<< "${JAVA_OPTS:-}"
lock=()
if [[ -n "${BENCH_LOCK:-}" ]]; then
  lock=(flock "$BENCH_LOCK")
fi
run() {
  ${lock[@]+"${lock[@]}"} java ${java_opts[@]+"${java_opts[@]}"} -cp "$classpath" -Dbench.target="$target" \
    ${quick[@]+"${quick[@]}"} ${extra[@]+"${extra[@]}"} "$@"
}

{
  echo "benchmarks run at $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, commit $(git rev-parse --short HEAD)${QUICK:+, QUICK=$QUICK}"
  changed=$(git status --porcelain --untracked-files=all -- . ':!benchmarks' | awk '{print $2}' | grep -vx pom.xml | tr '\n' ' ' || true)
  if [[ -n "$changed" ]]; then
    echo "built with uncommitted changes outside benchmarks/: $changed"
  fi
  for name in "${which[@]}"; do
    case "$name" in
      command) run io.callflow.bench.CommandThroughput ;;
      activeflow) run io.callflow.bench.ActiveflowThroughput ;;
      interpreter) run io.callflow.bench.InterpreterBenchmark ;;
      rebuild) run io.callflow.bench.RebuildSpeed ;;
      queries) run io.callflow.bench.QueryLatency ;;
      replay) run io.callflow.bench.ReplayRate ;;
      calls) run io.callflow.bench.CallsPerSecond ;;
      media) run io.callflow.bench.MediaConcurrency ;;
      dtmf) run io.callflow.bench.DtmfDelivery ;;
      *) echo "unknown benchmark: $name (command, activeflow, interpreter, rebuild, queries, replay, calls, media, dtmf)" >&2; exit 2 ;;
    esac
  done
} 2>&1 | tee "$target/results.txt"
