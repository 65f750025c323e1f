# Sourced by converge.sh once site.yml has converged twice: the checks through Nginx and on the container.
# shellcheck shell=bash

client() { controller nsenter -t "$(cat "$RUN/target.pid")" -n "$@"; }
pass() { printf 'ok    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*" >&2; exit 1; }

expect_failure() { # name expected-text playbook [args...]: the run must fail, saying expected-text
  local name=$1 expected=$2
  shift 2
  if playbook "$name" "$@" >/dev/null 2>&1; then fail "ansible-playbook $* succeeded"; fi
  grep -q -- "$expected" "$RUN/$name.log" || { tail -30 "$RUN/$name.log"; fail "no '$expected' in $RUN/$name.log"; }
}

served_certificate() {
  client sh -c 'openssl s_client -connect 127.0.0.1:443 -servername pa.test </dev/null 2>/dev/null | openssl x509 -noout -serial'
}

wait_ready() {
  local port
  for port in 8080 8081; do
    for _ in $(seq 120); do
      client curl -sf -o /dev/null "http://127.0.0.1:$port/observe/health/ready" && break
      sleep 1
    done
    client curl -sf -o /dev/null "http://127.0.0.1:$port/observe/health/ready" || fail "instance $port is not ready"
  done
}

log "The certificate certbot got from Pebble"
client sh -c 'curl -sfk https://127.0.0.1:15000/roots/0 > /run/pa-test/pebble-root.pem'
client sh -c 'openssl s_client -connect 127.0.0.1:443 -servername pa.test -CAfile /run/pa-test/pebble-root.pem </dev/null 2>/dev/null' \
  > "$RUN/s_client.txt"
grep -q 'Verify return code: 0 (ok)' "$RUN/s_client.txt" || fail "the served chain does not verify against Pebble's root"
grep -q 'Server Temp Key\|Peer signature type: ECDSA\|ecdsa' "$RUN/s_client.txt" && pass "Nginx serves certbot's ECDSA certificate, chain verified"
in_target readlink -f /etc/letsencrypt/live/pa.test/fullchain.pem | grep -q '^/etc/letsencrypt/archive/' || fail "no live lineage"
in_target grep -q 'ssl_certificate /etc/letsencrypt/live/pa.test/fullchain.pem;' /etc/nginx/conf.d/personal-assistant.conf \
  && pass "Nginx reads certbot's live path, not a copy"

log "Through Nginx: the SPA, headers, sign-up/sign-in/me, Twilio, OIDC, routes, rate limits"
client python3 /src/ansible/tests/http_checks.py site

log "Only SSH, HTTP and HTTPS listen beyond loopback; the firewall and the services agree"
exposed=$(in_target ss -Hltn | awk '{print $4}' | grep -Ev '^(127\.[0-9.]+|\[::1\]|\[::ffff:127\.[0-9.]+\]):[0-9]+$' | sed -E 's/.*:([0-9]+)$/\1/' | sort -un | tr '\n' ' ')
[ "$exposed" = "22 80 443 " ] || fail "ports listening beyond loopback: $exposed"
pass "listening beyond loopback: $exposed(PostgreSQL, Redis, the app and the exporters on loopback only)"
ruleset=$(in_target nft list table inet pa_firewall)
echo "$ruleset" | grep -q 'policy drop' && echo "$ruleset" | grep -q 'tcp dport { 80, 443 } accept' \
  && ! echo "$ruleset" | grep -Eq 'dport (5432|6379|8080|8081|9090|9100|9121|9187)' \
  && pass "nftables: input policy drop, 22/80/443 open, no private port open here (one VM)" || { echo "$ruleset"; fail "firewall"; }
redis_app_password=$(sed -n 's/^vault_redis_app_password: "\(.*\)"/\1/p' "$RUN/secrets.yml")
redis_admin_password=$(sed -n 's/^vault_redis_admin_password: "\(.*\)"/\1/p' "$RUN/secrets.yml")
in_target redis-cli ping 2>&1 | grep -q 'NOAUTH\|WRONGPASS\|NOPERM' && pass "Redis: no default user"
in_target redis-cli --no-auth-warning --user personal_assistant --pass "$redis_app_password" CONFIG GET maxmemory 2>&1 \
  | grep -q NOPERM && pass "Redis: the app's user may not run CONFIG (dangerous commands off)" || fail "app user runs CONFIG"
in_target redis-cli --no-auth-warning --user personal_assistant --pass "$redis_app_password" FLUSHALL 2>&1 | grep -q NOPERM \
  || fail "app user runs FLUSHALL"
policy=$(in_target redis-cli --no-auth-warning --user admin --pass "$redis_admin_password" CONFIG GET maxmemory-policy | tail -1)
aof=$(in_target redis-cli --no-auth-warning --user admin --pass "$redis_admin_password" CONFIG GET appendonly | tail -1)
[ "$policy $aof" = "noeviction yes" ] && pass "Redis: maxmemory-policy noeviction, appendonly yes" || fail "Redis policy $policy aof $aof"
scram=$(in_target runuser -u postgres -- psql -XAtc "SELECT rolpassword LIKE 'SCRAM-SHA-256\$%' FROM pg_authid WHERE rolname = 'personal_assistant'")
[ "$scram" = t ] && pass "PostgreSQL: the app role has a SCRAM password" || fail "app role password is not SCRAM"
in_target grep -Eq '^[^#]*\b(trust|md5|password)\b' /etc/postgresql/17/main/pg_hba.conf && fail "pg_hba has trust/md5/password"
pass "PostgreSQL: pg_hba has peer and scram-sha-256 only"

log "Mistakes the playbooks refuse"
expect_failure preflight-missing "vault_pa_jwt_secret is required" site.yml -e vault_pa_jwt_secret=
grep -q 'TASK \[base' "$RUN/preflight-missing.log" && fail "the run went on past the preflight"
pass "a missing required variable stops the run at once, naming it"
expect_failure pool-over "over postgresql_max_connections" site.yml -e pa_db_pool_size=40 \
  --start-at-task "PostgreSQL | The app instances' pools fit under max_connections"
pass "pools over max_connections stop the run (2 instances x (40 + 7 + 1) + 10 reserved > 100)"

log "testssl.sh"
client testssl --quiet --color 0 --warnings off --ip 127.0.0.1 --add-ca /run/pa-test/pebble-root.pem \
  --jsonfile /run/pa-test/testssl.json https://pa.test/ > "$RUN/testssl.log" 2>&1 || true
finding() { controller jq -r --arg id "$1" '.[] | select(.id == $id) | .finding' /run/pa-test/testssl.json | head -1; }
grade=$(finding overall_grade)
summary="grade $grade; SSLv2 $(finding SSLv2), SSLv3 $(finding SSLv3), TLS 1.0 $(finding TLS1), TLS 1.1 $(finding TLS1_1), TLS 1.2 $(finding TLS1_2), TLS 1.3 $(finding TLS1_3); FS $(finding FS); HSTS $(finding HSTS_time)"
echo "$summary" | tee "$RUN/testssl-summary.txt"
[ "$grade" = "A+" ] || { grep -i 'cap\|grade' "$RUN/testssl.log" | head; fail "testssl grade $grade"; }
for old in SSLv2 SSLv3 TLS1 TLS1_1; do finding "$old" | grep -q '^not offered' || fail "$old offered"; done
for current in TLS1_2 TLS1_3; do finding "$current" | grep -q '^offered' || fail "$current not offered (ciphers that do not fit the certificate?)"; done
finding FS | grep -q '^offered' || fail "forward secrecy"
controller jq -r '.[] | select(.id | startswith("cipher-tls")) | .finding' /run/pa-test/testssl.json | grep -Ev 'ECDHE|DHE|TLS_AES|TLS_CHACHA20' \
  && fail "a cipher without forward secrecy is offered"
pass "testssl: A+, nothing below TLS 1.2, forward secrecy on every cipher, HSTS >= 1 year"

log "certbot renew --force-renewal: a new serial, served without a restart"
before=$(served_certificate)
nginx_pid=$(in_target systemctl show -p MainPID --value nginx)
in_target env REQUESTS_CA_BUNDLE=/etc/pa-test/acme-ca.pem certbot renew --force-renewal --no-random-sleep-on-renew -q
# The deploy hook's `systemctl reload nginx` returns once the master has the signal; its new workers come a moment
# later, so wait (up to 30 s) for the new certificate to be served.
for _ in $(seq 60); do
  after=$(served_certificate)
  [ "$before" != "$after" ] && break
  sleep 0.5
done
[ "$before" != "$after" ] || fail "still $before 30 s after renewal"
[ "$nginx_pid" = "$(in_target systemctl show -p MainPID --value nginx)" ] || fail "Nginx was restarted"
live=$(in_target openssl x509 -noout -serial -in /etc/letsencrypt/live/pa.test/cert.pem)
[ "$after" = "$live" ] || fail "served $after, live $live"
pass "renewed: $before -> $after, same Nginx master (pid $nginx_pid)"

log "deploy.yml of a second build, then rollback.yml, with requests flowing through Nginx"
mkdir -p "$RUN/second"
tar -C "$RUN/second" -xzf "$artifact"
release_dir=$(ls "$RUN/second")
echo "second build for the converge lane" > "$RUN/second/$release_dir/SECOND-BUILD"
second="$RUN/second/$(basename "$artifact")"
tar -C "$RUN/second" -czf "$second" "$release_dir"
first_release=$(in_target readlink /opt/personal-assistant/current)
rm -f "$RUN/loop.stop"
client python3 /src/ansible/tests/http_checks.py loop /run/pa-test/loop.stop /run/pa-test/loop.json &
loop_pid=$!
sleep 2
playbook deploy deploy.yml -e app_artifact="$second"
deployed=$(in_target readlink /opt/personal-assistant/current)
[ "$deployed" != "$first_release" ] && in_target test -e "$deployed/SECOND-BUILD" || fail "current is $deployed"
for port in 8080 8081; do
  cwd=$(in_target readlink "/proc/$(in_target systemctl show -p MainPID --value "personal-assistant@$port")/cwd")
  [ "$cwd" = "$deployed" ] || fail "instance $port runs $cwd"
done
pass "deployed $(basename "$deployed") on both instances"
playbook rollback rollback.yml
[ "$(in_target readlink /opt/personal-assistant/current)" = "$first_release" ] || fail "rollback did not return to $first_release"
pass "rolled back to $(basename "$first_release")"
touch "$RUN/loop.stop"
wait "$loop_pid"
counts=$(cat "$RUN/loop.json")
echo "requests through Nginx during deploy and rollback: $counts"
controller jq -e 'to_entries | all(.key == "200")' /run/pa-test/loop.json >/dev/null || fail "not every answer was a 200: $counts"
pass "every request answered 200 throughout"

log "backup.yml, then restore.yml into a fresh database"
playbook backup backup.yml
playbook restore restore.yml
grep -A40 'Row counts' "$RUN/restore.log" | grep -E "public\.(users|tasks|flyway_schema_history) " || true
client python3 /src/ansible/tests/http_checks.py signin
pass "the app works against the restored database"

log "Prometheus: targets, rules, every dashboard panel"
client python3 /src/ansible/tests/http_checks.py prometheus

log "Reboot: every service comes back"
in_target systemctl reboot
for _ in $(seq 120); do kill -0 "$NSPAWN_PID" 2>/dev/null || break; sleep 0.5; done
kill -0 "$NSPAWN_PID" 2>/dev/null && fail "the container did not shut down"
boot_target
wait_ready
state=$(in_target systemctl is-system-running || true)
[ "$state" = running ] || { in_target systemctl --failed --no-pager; fail "system state $state"; }
for unit in nginx postgresql@17-main redis-server personal-assistant@8080 personal-assistant@8081 prometheus \
  prometheus-node-exporter prometheus-postgres-exporter prometheus-redis-exporter prometheus-blackbox-exporter \
  nftables fail2ban ssh certbot.timer personal-assistant-backup.timer; do
  in_target systemctl is-active -q "$unit" || fail "$unit is not active after the reboot"
done
pass "after the reboot: system running, no failed unit, every service active"
client sh -c 'curl -sfk https://127.0.0.1:15000/roots/0 >/dev/null' 2>/dev/null || true
client python3 /src/ansible/tests/http_checks.py signin

log "All checks passed"
echo "converge lane: ${SECONDS}s; second run: $recap"
echo "testssl: $(cat "$RUN/testssl-summary.txt")"
