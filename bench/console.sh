#!/usr/bin/env bash
# Benchmark of the web console: how long its pages take to answer on a year of N returns,
# for the federation (every province) and for an analyst of one province. Generates N
# synthetic returns, runs `tonghop run` on them, starts `tonghop serve` with its console
# on that data folder, signs in with curl and asks each page a few times.
#
#   bench/console.sh [N]                    default: 20000
#   INPUTS=/var/tmp/tonghop-inputs bench/console.sh 20000
#                                           keep the generated returns there (input-N), as
#                                           bench/benchmark.sh does, and use them again
#   REPEAT=5 bench/console.sh 20000         requests per page (default 3; the median is shown)
#
# Prints, for each page and user: the median and the slowest time of the requests, and
# the size of the answer; then the first download of an analyst's scoped outputs (the
# console consolidates her provinces then), and a second one.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
repeat=${REPEAT:-3}
. bench/common.sh console "$n"
echo "Nhận và tổng hợp $n báo cáo …"
start=$(date +%s.%N)
$launcher run --input "$inputs" --year 2026 --output "$work/output" --data-dir "$work/data" > "$work/run.out"
echo "  tonghop run: $(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.1f') s"

password() { grep -o 'Mật khẩu dùng một lần: [^ ]*' | sed 's/.*: //'; }
admin_once=$($launcher user add --username bench.admin --role ADMIN --data-dir "$work/data" 2>/dev/null | password)
# the province with most returns: an analyst's scope
province=$(awk -F, 'NR > 1 { n[$3]++ } END { for (p in n) print n[p], p }' "$work/output/2026/returns.csv" \
  | sort -rn | head -1 | awk '{ print $2 }')
analyst_once=$($launcher user add --username bench.analyst --role ANALYST --province "$province" \
  --data-dir "$work/data" 2>/dev/null | password)

start_console

sign_in "$work/admin.jar" bench.admin "$admin_once"
sign_in "$work/analyst.jar" bench.analyst "$analyst_once"

# times a page: median and slowest of $repeat requests, in ms, and the answer's size
page() {
  local who=$1 jar=$2 path=$3 times=() out status
  for _ in $(seq 1 "$repeat"); do
    out=$(curl -s -o "$work/page" -b "$jar" -w '%{http_code} %{time_total}' "$base$path")
    status=${out%% *}
    times+=("$(echo "${out##* } * 1000" | bc | xargs printf '%.0f')")
  done
  local sorted median slowest
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(echo "$sorted" | sed -n "$(( (repeat + 1) / 2 ))p")
  slowest=$(echo "$sorted" | tail -1)
  printf '%-9s %-52s %4s %7s ms %7s ms %9s B\n' "$who" "$path" "$status" "$median" "$slowest" \
    "$(wc -c < "$work/page")"
}
# a file of the analyst's province (the generated returns have no findings: any file)
file=$( (curl -s -b "$work/analyst.jar" "$base/files" | grep -o 'href="/files/[0-9]*"' || true) | head -1 \
  | sed 's/href="//; s/"$//')
echo
echo "Bảng điều khiển trên $n báo cáo (năm 2026); phân tích viên: tỉnh $province; $repeat lần mỗi trang"
printf '%-9s %-52s %4s %10s %10s %11s\n' "ai" "trang" "mã" "trung vị" "chậm nhất" "kích thước"
for path in / /files "/files?status=rejected" /rollups "/rollups?by=industry" \
  "/rollups/trace?indicator=A02&province=$province" /runs /downloads /admin/users "/admin/audit"; do
  page quản-trị "$work/admin.jar" "$path"
done
for path in / /files "/files?status=rejected" ${file:+"$file"} /rollups "/rollups?by=industry" \
  "/rollups/trace?indicator=A02&province=$province" /runs /downloads; do
  page phân-tích "$work/analyst.jar" "$path"
done
echo
repeat=1
echo "Tải về của phân tích viên: lần đầu tổng hợp các tỉnh của mình, lần sau dùng lại"
page phân-tích "$work/analyst.jar" /downloads/2026/returns.csv
page phân-tích "$work/analyst.jar" /downloads/2026/returns.csv
page quản-trị "$work/admin.jar" /downloads/2026/tong-hop-thi-dua-2026.xlsx
