# Sourced by the console, upload, lock and realistic-inbox benchmarks. The launcher (built when missing), a
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

# Starts `tonghop serve` with its console on the data folder $work/data and the inbox
# $inputs, and waits for its sign-in page. Sets: serve (its process), base (its address).
start_console() {
  local port=$(( 20000 + RANDOM % 20000 ))
  $launcher serve --input "$inputs" --year 2026 --output "$work/output" --data-dir "$work/data" \
    --console-port "$port" --port 0 --log-file "$work/serve.log" --cron "0 0 0 1 1 *" > "$work/serve.out" 2>&1 &
  serve=$!
  trap 'kill $serve 2>/dev/null; wait $serve 2>/dev/null || true' EXIT
  base=http://127.0.0.1:$port
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "$base/sign-in" && break
    sleep 1
  done
}

# The CSRF token of the page on standard input.
token() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

# Signs in with a one-time password and sets a password of its own; the cookie jar is $1.
sign_in() {
  local jar=$1 user=$2 once=$3 t
  t=$(curl -s -c "$jar" -b "$jar" "$base/sign-in" | token)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$user" --data-urlencode "password=$once" \
    --data-urlencode "_csrf=$t" "$base/sign-in"
  t=$(curl -s -c "$jar" -b "$jar" "$base/password" | token)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "current=$once" \
    --data-urlencode "password=Bench-mat-khau-2026" --data-urlencode "repeated=Bench-mat-khau-2026" \
    --data-urlencode "_csrf=$t" "$base/password"
}
