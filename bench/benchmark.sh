#!/usr/bin/env bash
# Benchmark of the nightly job, end to end: generates N synthetic returns, then times
# `tonghop run` on them (the launcher target/tonghop, with its Java options) from a fresh
# database, JVM start included.
#
#   bench/benchmark.sh [N ...]          default: 2000
#   HEAP=256m bench/benchmark.sh 20000  maximum heap of the measured run (default 512m)
#   INPUTS=/var/tmp/tonghop-inputs bench/benchmark.sh 150000
#                                       keep the generated returns there (input-N) and use
#                                       them again next time (generating 150,000 takes long)
#   TONGHOP_JVM_DEFAULTS= TONGHOP_CDS=0 bench/benchmark.sh 20000
#                                       without the launcher's Java options and class
#                                       archive (as java -jar)
#   FINDINGS=30 XLS=10 bench/benchmark.sh 10000
#                                       a realistic inbox: about 30% of the returns with
#                                       findings (R09, R11, W01: feedback copies to write),
#                                       about 10% saved as .xls (input-N-f30-x10)
#   FINDINGS=30 XLS=10 WRITERS=20 bench/benchmark.sh 10000
#                                       and about 20% of the .xlsx saved as other programs
#                                       save them: LibreOffice, openpyxl, WPS (inline
#                                       strings), a third each (input-N-f30-x10-w20)
#   POSTGRESQL=127.0.0.1:5432 bench/benchmark.sh 20000
#                                       on PostgreSQL instead of the embedded H2: each
#                                       measured run in a database of its own, made and
#                                       dropped with psql (user SPRING_DATASOURCE_USERNAME,
#                                       default postgres; password SPRING_DATASOURCE_PASSWORD)
#
# The benchmark deletes its work folder when it ends, and on ext4 without a journal (the
# development machine's disk) each file made within minutes of many deletions costs ten to
# thirty times as much (bench/settle.sh): the next invocation waits until 6 minutes have
# passed since the last one's deletion (SETTLE_SECONDS=0: no wait). One invocation with
# several counts (bench/benchmark.sh 10000 10000) deletes nothing between its runs.
#
# Prints, for each N: wall time, returns per second, the JVM's peak heap, the most heap
# still in use just after a garbage collection, the most heap found live by a full
# collection asked for every 10 s (what the run keeps alive; LIVE_SECONDS=0 turns it off),
# each job's time and the split by step, and the process's peak resident memory and CPU time
# (user and system, from /usr/bin/time when the machine has it).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/settle.sh
counts=("$@")
[[ ${#counts[@]} -gt 0 ]] || counts=(2000)
heap=${HEAP:-512m}
live_seconds=${LIVE_SECONDS:-10}
jar=target/tonghop.jar
launcher=target/tonghop
if [[ ! -f $jar || ! -x $launcher ]]; then
  ./mvnw -B -q package -DskipTests
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/tonghop-bench.XXXXXX")
postgresql=${POSTGRESQL:-}
databases=()
pg() {
  PGPASSWORD=${SPRING_DATASOURCE_PASSWORD:-${PGPASSWORD:-}} psql -X -q -v ON_ERROR_STOP=1 \
    -h "${postgresql%:*}" -p "${postgresql##*:}" -U "$SPRING_DATASOURCE_USERNAME" -d postgres -c "$1"
}
cleanup() {
  for database in ${databases[@]+"${databases[@]}"}; do
    pg "DROP DATABASE IF EXISTS $database" || true
  done
  rm -rf "$work"
  deleted_now
}
trap cleanup EXIT
if [[ -n $postgresql ]]; then
  export SPRING_DATASOURCE_USERNAME=${SPRING_DATASOURCE_USERNAME:-postgres}
  command -v psql >/dev/null || { echo "POSTGRESQL needs psql on the PATH" >&2; exit 2; }
fi

# the measured runs' Java options, after the launcher's
export JAVA_OPTS="-Xmx$heap -Dtonghop.live-heap-seconds=$live_seconds"
# a run of a few returns first: the launcher's first run after a build saves the class
# archive later runs start from, so every measured run starts alike; returns as a first
# run meets them (some with findings, some .xls, some saved by other programs), so the
# archive holds the classes that reading and copying those load, as a user's would
java -jar "$jar" generate --count 50 --year 2026 --output "$work/warm-input" --findings 30 --xls 10 --writers 30 \
  >/dev/null
start=$(date +%s%N)
"$launcher" run --input "$work/warm-input" --year 2026 --output "$work/warm-output" --data-dir "$work/warm-data" \
  >"$work/warm.log" 2>&1
end=$(date +%s%N)
echo "warm-up run of 50 returns (it makes the class archive when there is none): $(awk -v s="$start" -v e="$end" \
  'BEGIN { printf "%.1f", (e - s) / 1e9 }') s"

settle_disk
run=0
for n in "${counts[@]}"; do
  # every measured run starts from a fresh database, also when a count is given twice
  run=$((run + 1))
  input="${INPUTS:-$work}/input-$n"
  realistic=()
  if [[ ${FINDINGS:-0} != 0 || ${XLS:-0} != 0 || ${WRITERS:-0} != 0 ]]; then
    input="$input-f${FINDINGS:-0}-x${XLS:-0}"
    realistic=(--findings "${FINDINGS:-0}" --xls "${XLS:-0}")
  fi
  if [[ ${WRITERS:-0} != 0 ]]; then
    input="$input-w$WRITERS"
    realistic+=(--writers "$WRITERS")
  fi
  if [[ -z ${INPUTS:-} || ! -f "$input.complete" ]]; then
    rm -rf "$input"
    java -jar "$jar" generate --count "$n" --year 2026 --output "$input" "${realistic[@]}" >/dev/null
    touch "$input.complete"
  fi
  bytes=$(du -sk "$input" | cut -f1)
  if [[ -n $postgresql ]]; then
    database="tonghop_bench_$$_$run"
    databases+=("$database")
    pg "CREATE DATABASE $database"
    where=(--db "jdbc:postgresql://$postgresql/$database")
    on="PostgreSQL $postgresql"
  else
    where=(--data-dir "$work/data-$run")
    on="H2"
  fi
  out="$work/output-$run"
  log="$work/run-$run.log"
  start=$(date +%s%N)
  if command -v /usr/bin/time >/dev/null 2>&1; then
    /usr/bin/time -f 'rss_kb=%M user_s=%U sys_s=%S' -o "$work/time-$run" \
      "$launcher" run --input "$input" --year 2026 --output "$out" "${where[@]}" >"$log" 2>&1
  else
    "$launcher" run --input "$input" --year 2026 --output "$out" "${where[@]}" >"$log" 2>&1
  fi
  end=$(date +%s%N)
  if [[ -n $postgresql ]]; then
    pg "DROP DATABASE IF EXISTS $database"
  fi
  seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", (e - s) / 1e9 }')
  rate=$(awk -v n="$n" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", n / ((e - s) / 1e9) }')
  accepted=$(grep -o 'chấp nhận [0-9]*' "$log" | head -1 | grep -o '[0-9]*' || true)
  peak=$(grep -o 'heap tối đa: [0-9]* MB' "$log" | tail -1 | grep -o '[0-9]*' || true)
  afterGc=$(grep -o 'sau thu gom rác: [0-9]* MB' "$log" | tail -1 | grep -o '[0-9]*' || true)
  live=$(grep -o 'còn sống tối đa: [0-9]* MB' "$log" | tail -1 | grep -o '[0-9]*' || true)
  rss=$( [[ -f "$work/time-$run" ]] && grep -o 'rss_kb=[0-9]*' "$work/time-$run" | cut -d= -f2 || echo "")
  # CPU time, user and system: steadier than the wall clock when the machine is shared
  cpu=$( [[ -f "$work/time-$run" ]] && grep -oE 'user_s=[0-9.]+ sys_s=[0-9.]+' "$work/time-$run" \
    | sed -E 's/user_s=([0-9.]+) sys_s=([0-9.]+)/CPU \1 s user + \2 s system/' || echo "")
  per=$(awk -v n="$n" -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", (e - s) / 1e6 / n }')
  echo "N=$n returns ($((bytes / 1024)) MB of .xlsx, -Xmx$heap, $on): ${seconds} s end to end, ${rate} returns/s (${per} ms each)," \
    "accepted ${accepted:-?}, peak heap ${peak:-?} MB (after GC ${afterGc:-?} MB, live ${live:-?} MB)${rss:+, peak RSS $((rss / 1024)) MB}${cpu:+, $cpu}"
  if [[ "${accepted:-}" != "$n" ]]; then
    echo "  warning: ${accepted:-?} of the $n returns accepted" >&2
  fi
  # each job's own time (the consolidation's steps overlap: the workbook runs beside the rest)
  jobs=$(grep -oE '^Thời gian: [0-9.]+ s' "$log" | grep -oE '[0-9.]+' | paste -sd' ' || true)
  read -r ingestJob consolidateJob <<<"${jobs:-? ?}"
  echo "  ingest job ${ingestJob:-?} s, consolidation job ${consolidateJob:-?} s"
  grep -E "^  bước " "$log" || true
  if ! grep -q '^== Tổng hợp năm [0-9]* (xong) ==' "$log"; then
    echo "the run did not complete; its output:" >&2
    cat "$log" >&2
    exit 1
  fi
done
