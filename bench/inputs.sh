# Sourced by the console, upload and lock benchmarks: the launcher (built when missing), a
# work folder named after the benchmark ($1), and N generated returns ($2) in
# $INPUTS/input-N when INPUTS is set (kept for the next time), else in the work folder.
# Sets: launcher, work, inputs.
launcher=target/tonghop
[[ -x $launcher ]] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d "${TMPDIR:-/tmp}/tonghop-$1-bench.XXXXXX")
inputs_root=${INPUTS:-$work}
inputs=$inputs_root/input-$2
if [[ ! -d $inputs ]]; then
  mkdir -p "$inputs_root"
  echo "Tạo $2 báo cáo mẫu trong $inputs …"
  $launcher generate --count "$2" --year 2026 --output "$inputs" > /dev/null
fi
