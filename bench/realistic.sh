#!/usr/bin/env bash
# The realistic inbox against the clean one, pair by pair: N clean returns and N realistic
# ones (FINDINGS, XLS, WRITERS as for bench/benchmark.sh; by default 30, 10 and 30), each
# `tonghop run` timed end to end from a fresh database through the launcher, clean then
# realistic, PAIRS times (default 3). Prints each pair's times and ratio, then the medians:
# issue 27 holds the realistic inbox to 1.2 times the clean one at 10,000. With
# /usr/bin/time, also each run's CPU time (user + system) and its ratio, steadier than the
# wall clock on a shared machine: a pair whose clean run was slowed by a neighbour shows a
# wall ratio far from the CPU one.
#
#   bench/realistic.sh [N]                          default: 10000
#   INPUTS=/var/tmp/tonghop-bench PAIRS=5 HEAP=256m bench/realistic.sh 10000
#
# The runs alternate so that a machine that speeds up or slows down weighs on both, and
# nothing is deleted between them: on ext4 without a journal a file made within minutes
# of many deletions costs ten to thirty times as much, and the realistic run makes
# thousands (its feedback copies). It waits until 6 minutes have passed since another
# benchmark deleted its work folder (bench/settle.sh; SETTLE_SECONDS=0: no wait).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
pairs=${PAIRS:-3}
heap=${HEAP:-256m}
findings=${FINDINGS:-30}
xls=${XLS:-10}
writers=${WRITERS:-30}
# the launcher, a work folder and the clean returns ($inputs), as the other benchmarks
. bench/common.sh realistic "$n"
. bench/settle.sh
trap 'rm -rf "$work"; deleted_now' EXIT
clean=$inputs
realistic=${INPUTS:-$work}/input-$n-f$findings-x$xls-w$writers
if [[ -z ${INPUTS:-} || ! -f "$realistic.complete" ]]; then
  rm -rf "$realistic"
  echo "Tạo $n báo cáo mẫu (thực tế) trong $realistic …"
  $launcher generate --count "$n" --year 2026 --output "$realistic" --findings "$findings" --xls "$xls" \
    --writers "$writers" >/dev/null
  touch "$realistic.complete"
fi
export JAVA_OPTS="-Xmx$heap"
# the launcher's first run after a build makes its class archive: a small realistic one
$launcher generate --count 50 --year 2026 --output "$work/warm-input" --findings 30 --xls 10 --writers 30 \
  >/dev/null
"$launcher" run --input "$work/warm-input" --year 2026 --output "$work/warm-output" --data-dir "$work/warm-data" \
  >"$work/warm.log" 2>&1

# one run from a fresh database: prints its seconds end to end; its CPU times, user and
# system, in $work/$name.time when the machine has /usr/bin/time
timed() {
  local input=$1 name=$2 start end
  local measure=()
  [[ -x /usr/bin/time ]] && measure=(/usr/bin/time -f '%U %S' -o "$work/$name.time")
  start=$(date +%s%N)
  ${measure[@]+"${measure[@]}"} "$launcher" run --input "$input" --year 2026 --output "$work/output-$name" \
    --data-dir "$work/data-$name" >"$work/$name.log" 2>&1
  end=$(date +%s%N)
  if ! grep -q '^== Tổng hợp năm [0-9]* (xong) ==' "$work/$name.log"; then
    echo "Lần chạy $name không xong:" >&2
    cat "$work/$name.log" >&2
    exit 1
  fi
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", (e - s) / 1e9 }'
}

# a run's CPU seconds, user + system (time's last line: its first says so when the run
# failed)
cpu_seconds() { tail -1 "$work/$1.time" | awk '{ printf "%.1f", $1 + $2 }'; }

settle_disk
cleans=()
reals=()
ratios=()
cpuRatios=()
for pair in $(seq 1 "$pairs"); do
  c=$(timed "$clean" "clean-$pair")
  r=$(timed "$realistic" "realistic-$pair")
  ratio=$(awk -v c="$c" -v r="$r" 'BEGIN { printf "%.2f", r / c }')
  copies=$(grep -oE 'writeFeedbackStep: [0-9.]+ s \(đọc 0, ghi [0-9]+\)' "$work/realistic-$pair.log" \
    | grep -oE 'ghi [0-9]+' | grep -oE '[0-9]+' || echo "?")
  cpuLine=""
  if [[ -f $work/clean-$pair.time && -f $work/realistic-$pair.time ]]; then
    cc=$(cpu_seconds "clean-$pair")
    rc=$(cpu_seconds "realistic-$pair")
    cpuRatio=$(awk -v c="$cc" -v r="$rc" 'BEGIN { printf "%.2f", r / c }')
    cpuLine=$'\n'"  CPU: sạch $cc s, thực tế $rc s, tỉ lệ $cpuRatio"
    cpuRatios+=("$cpuRatio")
  fi
  printf 'cặp %d: sạch %s s, thực tế %s s (%s bản phản hồi), tỉ lệ %s%s\n' "$pair" "$c" "$r" "$copies" "$ratio" \
    "$cpuLine"
  cleans+=("$c")
  reals+=("$r")
  ratios+=("$ratio")
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
cpuLine=""
if [[ ${#cpuRatios[@]} -gt 0 ]]; then
  cpuLine=$'\n'"  CPU: tỉ lệ $(median "${cpuRatios[@]}")"
fi
printf 'Trung vị (%d cặp, N=%d, -Xmx%s): sạch %s s, thực tế %s s, tỉ lệ %s%s\n' "$pairs" "$n" "$heap" \
  "$(median "${cleans[@]}")" "$(median "${reals[@]}")" "$(median "${ratios[@]}")" "$cpuLine"
