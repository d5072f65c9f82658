# Sourced by the benchmarks. On ext4 without a journal (the development machine's disk)
# a file made within minutes of many deletions costs ten to thirty times as much: the
# kernel skips, one by one, the inodes freed in the last 60 s, or in the last 360 s while
# their inode table block is not yet written back (`recently_deleted` in
# fs/ext4/ialloc.c), and making files keeps that block dirty. A benchmark deletes its work
# folder when it ends, thousands of feedback copies after a realistic run; the next
# benchmark's runs then paid for it. Measured on 7 December: 0.38 ms a file just after
# such a deletion, 0.19 ms a minute after it, 0.17 ms two minutes after, 0.03 ms three
# minutes after (0.023 ms on a quiet disk); a realistic run makes 3,000 files at 10,000
# returns, 45,000 at 150,000.
#
# deleted_now records when a benchmark deleted its work folder; settle_disk, before the
# first measured run, waits until SETTLE_SECONDS (default 360) have passed since then.
# SETTLE_SECONDS=0 does not wait.
settle_stamp=${TMPDIR:-/tmp}/tonghop-bench.deleted

deleted_now() {
  date +%s >"$settle_stamp" 2>/dev/null || true
}

settle_disk() {
  local wait=${SETTLE_SECONDS:-360} deleted left
  [[ -f $settle_stamp ]] || return 0
  deleted=$(cat "$settle_stamp" 2>/dev/null || echo 0)
  left=$((deleted + wait - $(date +%s)))
  if ((left > 0)); then
    echo "Chờ thêm $left s cho đĩa yên sau lần đo trước (SETTLE_SECONDS=0: không chờ) …"
    sleep "$left"
  fi
}
