# Shared by the benchmarks: one server on a fresh database of this machine's PostgreSQL, stopped and dropped on exit.
# Usage: . bench/lib/server.sh; pa_bench_server PORT DATABASE [VAR=value...]   (sets $pid and $base_url)
pa_bench_server() {
  local port="$1" db="$2"; shift 2
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" postgres
  export PA_PORT="$port" PA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" PA_DB_USER=postgres \
    PA_REDIS_URL=redis://127.0.0.1:6379 PA_REDIS_PREFIX="bench-$RANDOM" \
    PA_JWT_SECRET="$(openssl rand -base64 32)" PA_ENCRYPTION_KEY="$(openssl rand -base64 32)"
  [ $# -gt 0 ] && export "$@"
  "$JAVA_HOME/bin/java" -jar "$root/api/target/personal-assistant.jar" >"/tmp/pa-bench-$db.log" 2>&1 &
  pid=$!
  base_url="http://127.0.0.1:$port"
  # shellcheck disable=SC2064
  trap "kill $pid 2>/dev/null; wait $pid 2>/dev/null; psql -q -h 127.0.0.1 -U postgres -c 'DROP DATABASE IF EXISTS $db WITH (FORCE)' postgres >/dev/null 2>&1 || true" EXIT
  until curl -sf "$base_url/observe/health/ready" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "the server did not start: /tmp/pa-bench-$db.log" >&2; exit 1; }
    sleep 0.1
  done
}
