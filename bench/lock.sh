#!/usr/bin/env bash
# Benchmark of the run lock's refusal: how long a second `tonghop run` on the same data
# folder takes to be refused (exit status 3) while a first run ingests N returns and keeps
# both cores busy. Times the second command from its start to its exit, through the
# launcher, REPEAT times (default 3), and prints each time and the median.
#
#   bench/lock.sh [N]                       default: 20000
#   INPUTS=/var/tmp/tonghop-inputs bench/lock.sh 20000
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
repeat=${REPEAT:-3}
. bench/common.sh lock "$n"
$launcher run --input "$inputs" --year 2026 --output "$work/output" --data-dir "$work/data" > "$work/first.out" 2>&1 &
first=$!
trap 'kill $first 2>/dev/null; wait $first 2>/dev/null || true' EXIT
# the first run holds the lock once it reads the inbox
for _ in $(seq 1 600); do
  grep -q 'Tìm thấy' "$work/first.out" && break
  sleep 0.1
done
times=()
for _ in $(seq 1 "$repeat"); do
  start=$(date +%s.%N)
  status=0
  $launcher run --input "$inputs" --year 2026 --output "$work/output" --data-dir "$work/data" \
    > "$work/second.out" 2>&1 || status=$?
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  times+=("$seconds")
  printf 'lần chạy thứ hai: mã thoát %s sau %.2f s: %s\n' "$status" "$seconds" "$(head -c 100 "$work/second.out")"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (repeat + 1) / 2 ))p")
printf 'Trung vị: %.2f s (lần chạy đầu vẫn đang chạy: %s)\n' "$median" \
  "$(kill -0 $first 2>/dev/null && echo có || echo không)"
