#!/usr/bin/env bash
# Benchmark of a union's upload: the time from sending a return on the union's page to its
# findings on screen, on a year that already holds N returns. Generates N returns (the
# inbox) and runs `tonghop run` on them; generates K other returns (unions that send theirs
# through the console), loads them as the registry, makes their accounts with
# `tonghop user unions`, starts `tonghop serve`, and for each of the K unions signs in with
# its one-time code, sets a password, then uploads its return with curl and asks for the
# page of its findings.
#
#   bench/upload.sh [N] [K]                 default: 20000 returns, 20 uploads
#   INPUTS=/var/tmp/tonghop-inputs bench/upload.sh 20000
#                                           keep the generated returns there (input-N), as
#                                           bench/benchmark.sh does, and use them again
#
# Prints, over the K uploads: the median, the 90th percentile and the slowest time of the
# upload (the request that stores the file, reads, judges and stores it, as the inbox's
# job does) and of the upload with its findings' page (what the union waits for), in ms;
# and how many of the uploads were accepted and rejected.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
k=${2:-20}
. bench/common.sh upload "$n"
echo "Nhận và tổng hợp $n báo cáo …"
$launcher run --input "$inputs" --year 2026 --output "$work/output" --data-dir "$work/data" > "$work/run.out"

# K unions that send their return through the console: their returns, and a registry of them
$launcher generate --count "$k" --year 2026 --output "$work/uploads" --seed 4242 > /dev/null
find "$work/uploads" -type f -name '*.xlsx' | sort > "$work/upload-files"
{
  echo "union_code,union_name,province,sector"
  while read -r file; do
    code=$(basename "$file" .xlsx | sed 's/^[0-9]*-//' | tr '[:lower:]' '[:upper:]')
    echo "$code,Công đoàn $code,${code:2:2},DNNN"
  done < "$work/upload-files"
} > "$work/registry.csv"
$launcher registry --input "$work/registry.csv" --year 2026 --data-dir "$work/data" > "$work/registry.out"
$launcher user unions --year 2026 --out "$work/accounts" --data-dir "$work/data" > "$work/accounts.out"
accounts=$(ls "$work"/accounts/*.csv)

start_console

ms() { echo "$1 * 1000" | bc | xargs printf '%.0f'; }
: > "$work/times"
accepted=0
rejected=0
while read -r file; do
  code=$(basename "$file" .xlsx | sed 's/^[0-9]*-//' | tr '[:lower:]' '[:upper:]')
  # the union's line of the accounts' list: its sign-in name and one-time code
  line=$(grep "^\"\\?$code\"\\?," "$accounts" | head -1 | tr -d '"')
  user=$(echo "$line" | cut -d, -f4)
  once=$(echo "$line" | cut -d, -f5)
  jar=$work/$code.jar
  sign_in "$jar" "$user" "$once"
  t=$(curl -s -c "$jar" -b "$jar" "$base/union" | token)
  # the upload: stored, read, judged and stored, then the redirect to its findings
  out=$(curl -s -o /dev/null -c "$jar" -b "$jar" -F "_csrf=$t" -F "file=@$file" \
    -w '%{http_code} %{time_total} %{redirect_url}' "$base/union/upload")
  upload=$(echo "$out" | cut -d' ' -f2)
  result=$(echo "$out" | cut -d' ' -f3)
  page=$(curl -s -o "$work/result.html" -b "$jar" -w '%{time_total}' "$result")
  grep -q 'được chấp nhận' "$work/result.html" && accepted=$((accepted + 1)) || rejected=$((rejected + 1))
  echo "$(ms "$upload") $(ms "$(echo "$upload + $page" | bc)")" >> "$work/times"
done < "$work/upload-files"

stats() {
  sort -n | awk '{ v[NR] = $1 } END { p90 = int(NR * 0.9 + 0.999); if (p90 < 1) p90 = 1;
    printf "%6d ms %6d ms %6d ms\n", v[int((NR + 1) / 2)], v[p90], v[NR] }'
}
echo
echo "Tải lên của CĐCS trên năm có $n báo cáo: $k lần, mỗi lần một CĐCS, một báo cáo thường"
echo " trung vị       p90  chậm nhất"
echo "$(cut -d' ' -f1 "$work/times" | stats)   gửi tệp (lưu, đọc, kiểm tra, lưu kết quả)"
echo "$(cut -d' ' -f2 "$work/times" | stats)   gửi tệp và mở trang phát hiện"
echo "được chấp nhận: $accepted, bị từ chối: $rejected"
