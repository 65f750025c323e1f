#!/usr/bin/env bash
# The converge lane: site.yml from a fresh Debian 13 root to https://pa.test, in a container booted with real systemd
# (systemd-nspawn --boot --private-network: its own loopback, so the host's 5432/6379/8080 do not clash), driven by
# Debian 13's ansible-core 2.19 from a cached controller root through nsenter. Then a second run must change nothing,
# and tests/checks.sh checks what a person and an operator rely on, through Nginx.
#
# Needs root, the host's apt (it installs mmdebstrap, systemd-container, socat) and its Debian mirror; builds both
# roots once into /var/cache/pa-ansible-test (PA_TEST_CACHE). The release tarball is built if missing.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

RUN=/run/pa-test
TARGET=$PA_TEST_CACHE/run/target
TARGET_PACKAGES=systemd-sysv,dbus,python3,python3-apt,openssh-server,sudo,iproute2,ca-certificates,procps,apt-utils
MIRROR_HOST=$(echo "$PA_TEST_MIRROR" | sed -E 's#^[a-z]+://([^/:]+).*#\1#')
BACKGROUND=()

cleanup() {
  local status=$?
  if [ "${PA_TEST_KEEP:-0}" = 1 ]; then
    echo "PA_TEST_KEEP=1: the container (leader $(cat "$RUN/target.pid" 2>/dev/null)) and its helpers keep running"
    exit $status
  fi
  if [ -f "$RUN/target.pid" ] && kill -0 "$(cat "$RUN/target.pid")" 2>/dev/null; then
    nsenter -t "$(cat "$RUN/target.pid")" -a systemctl poweroff >/dev/null 2>&1 || true
    for _ in $(seq 60); do [ -n "${NSPAWN_PID:-}" ] && kill -0 "$NSPAWN_PID" 2>/dev/null || break; sleep 0.5; done
  fi
  touch "$RUN/loop.stop" 2>/dev/null || true # the request loop of checks.sh, if a check failed while it ran
  for pid in "${BACKGROUND[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "${NSPAWN_PID:-}" ] && kill "$NSPAWN_PID" 2>/dev/null || true
  echo "converge lane: exit $status after ${SECONDS}s"
  exit $status
}
trap cleanup EXIT

in_target() { nsenter -t "$(cat "$RUN/target.pid")" -a "$@"; }

# Boots the container; returns when systemd inside says the boot is done.
boot_target() {
  setsid systemd-nspawn --quiet --directory="$TARGET" --machine=pa-test --boot --private-network \
    --register=no --keep-unit --console=passive \
    --bind="$PA_TEST_CACHE/apt-archives:/var/cache/apt/archives" >> "$RUN/nspawn.log" 2>&1 &
  NSPAWN_PID=$!
  local leader=""
  for _ in $(seq 200); do
    leader=$(pgrep -P "$NSPAWN_PID" -x systemd || true)
    [ -n "$leader" ] && break
    sleep 0.1
  done
  [ -n "$leader" ] || { cat "$RUN/nspawn.log"; echo "the container did not start" >&2; return 1; }
  echo "$leader" > "$RUN/target.pid"
  for _ in $(seq 100); do
    nsenter -t "$leader" -a systemctl is-system-running --wait >/dev/null 2>&1 && return 0
    case $(nsenter -t "$leader" -a systemctl is-system-running 2>/dev/null) in running|degraded) return 0 ;; esac
    sleep 0.2
  done
}

# The container's apt reaches the host's mirror through a socat bridge (127.0.0.1:3142 inside, an HTTP proxy).
start_apt_bridge() {
  rm -f "$RUN/apt.sock"
  socat UNIX-LISTEN:"$RUN/apt.sock",fork TCP:"$MIRROR_HOST":80 &
  BACKGROUND+=($!)
  for _ in $(seq 50); do [ -S "$RUN/apt.sock" ] && break; sleep 0.1; done
  nsenter -t "$(cat "$RUN/target.pid")" -n socat TCP-LISTEN:3142,bind=127.0.0.1,fork,reuseaddr UNIX-CONNECT:"$RUN/apt.sock" &
  BACKGROUND+=($!)
}

# Pebble (ACME) and the stand-in OIDC providers run from the controller root inside the container's network.
start_test_services() {
  local pid
  pid=$(cat "$RUN/target.pid")
  exec_controller env PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=0 \
    nsenter -t "$pid" -n pebble -config /run/pa-test/pebble.json > "$RUN/pebble.log" 2>&1 &
  BACKGROUND+=($!)
  exec_controller nsenter -t "$pid" -n python3 /src/ansible/tests/fake_oidc.py > "$RUN/fake_oidc.log" 2>&1 &
  BACKGROUND+=($!)
  for _ in $(seq 100); do
    in_target bash -c '</dev/tcp/127.0.0.1/14000 && </dev/tcp/127.0.0.1/9400' 2>/dev/null && return 0
    sleep 0.1
  done
  cat "$RUN/pebble.log" "$RUN/fake_oidc.log"
  return 1
}

playbook() { # log-name playbook [args...]
  local name=$1
  shift
  controller env ANSIBLE_CONFIG=/src/ansible/ansible.cfg ANSIBLE_STDOUT_CALLBACK=default \
    nsenter -t "$(cat "$RUN/target.pid")" -n sh -c 'cd /src/ansible && exec ansible-playbook -i tests/inventory.yml -e @/run/pa-test/secrets.yml "$@"' sh "$@" \
    > "$RUN/$name.log" 2>&1 || { tail -60 "$RUN/$name.log"; echo "ansible-playbook $* failed (log: $RUN/$name.log)" >&2; return 1; }
  grep -A3 '^PLAY RECAP' "$RUN/$name.log"
}

if [ "${PA_TEST_CHECKS_ONLY:-0}" = 1 ]; then
  # Development: the checks again, against the container a PA_TEST_KEEP=1 run left (its helpers still run).
  PA_TEST_KEEP=1
  NSPAWN_PID=$(ps -o ppid= -p "$(cat "$RUN/target.pid")" | tr -d ' ')
  artifact=$(ls -t "$PA_REPO"/api/target/personal-assistant-*-release.tar.gz | head -1)
  recap=$(grep -E '^pa-test +:' "$RUN/converge-2.log" 2>/dev/null || echo "(no second run)")
  export RUN NSPAWN_PID
  checks="$(dirname "$0")/checks.sh"
  if [ -n "${PA_TEST_CHECKS_FROM:-}" ]; then # the helpers, then from the section whose title has this text
    . <(sed -n '1,/^log "/p' "$checks" | sed '$d'; sed -n "/^log \".*$PA_TEST_CHECKS_FROM/,\$p" "$checks")
  else
    . "$checks"
  fi
  exit 0
fi

log "Host tools and the controller root (Debian 13: ansible-core 2.19, testssl.sh, pebble, promtool)"
install_host_tools
ensure_controller
grep -q ' pa.test$' "$PA_CONTROLLER_ROOT/etc/hosts" || echo '127.0.0.1 pa.test' >> "$PA_CONTROLLER_ROOT/etc/hosts"
controller ansible --version | head -1

log "Release tarball"
artifact=$(ls -t "$PA_REPO"/api/target/personal-assistant-*-release.tar.gz 2>/dev/null | head -1 || true)
if [ -z "$artifact" ]; then
  (cd "$PA_REPO" && . scripts/lib/common.sh && pa_check_build_tools && mvn -B -q -pl api -am package -DskipTests)
  artifact=$(ls -t "$PA_REPO"/api/target/personal-assistant-*-release.tar.gz | head -1)
fi
ls -l "$artifact"

log "Target root (Debian 13, as a fresh VM has it)"
(flock 9; build_root target minbase "$TARGET_PACKAGES") 9> "$PA_TEST_CACHE/build.lock"
rm -rf "$PA_TEST_CACHE/run" "$RUN"
mkdir -p "$TARGET" "$RUN" "$PA_TEST_CACHE/apt-archives/partial"
tar -C "$TARGET" -xf "$PA_TEST_CACHE/target.tar"
echo pa-test > "$TARGET/etc/hostname"
printf '127.0.0.1 localhost\n127.0.1.1 pa-test\n' > "$TARGET/etc/hosts"
cat > "$TARGET/etc/apt/sources.list" <<SOURCES
deb $PA_TEST_MIRROR trixie main
deb ${PA_TEST_MIRROR%/debian}/debian-security trixie-security main
SOURCES
cat > "$TARGET/etc/apt/apt.conf.d/00pa-test" <<'APT'
// The converge lane only: apt reaches the mirror through the lane's bridge, and downloads stay cached between runs.
Acquire::http::Proxy "http://127.0.0.1:3142";
APT::Keep-Downloaded-Packages "true";
APT
# As a cloud image has it: a sudoer `admin` who logs in with a key (the lane's).
ssh-keygen -q -t ed25519 -N '' -C pa-converge-lane -f "$RUN/id_ed25519"
chroot "$TARGET" useradd --create-home --shell /bin/bash --groups sudo admin
install -d -m 0700 -o "$(chroot "$TARGET" id -u admin)" -g "$(chroot "$TARGET" id -g admin)" "$TARGET/home/admin/.ssh"
install -m 0600 -o "$(chroot "$TARGET" id -u admin)" -g "$(chroot "$TARGET" id -g admin)" "$RUN/id_ed25519.pub" \
  "$TARGET/home/admin/.ssh/authorized_keys"
echo 'admin ALL=(ALL) NOPASSWD:ALL' > "$TARGET/etc/sudoers.d/90-cloud-image-admin"
chmod 0440 "$TARGET/etc/sudoers.d/90-cloud-image-admin"
# apt's daily timers would take the dpkg lock in the middle of a run.
ln -sf /dev/null "$TARGET/etc/systemd/system/apt-daily.timer"
ln -sf /dev/null "$TARGET/etc/systemd/system/apt-daily-upgrade.timer"

log "Test secrets, Pebble's TLS certificate"
controller sh -c 'cd /src/ansible && scripts/generate-secrets' > "$RUN/secrets.yml"
sed -i -e 's/^vault_oidc_google_client_secret: .*/vault_oidc_google_client_secret: "pa-test-google-secret"/' \
  -e 's/^vault_oidc_microsoft_client_secret: .*/vault_oidc_microsoft_client_secret: "pa-test-microsoft-secret"/' \
  -e "s/^vault_twilio_auth_token: .*/vault_twilio_auth_token: \"$(openssl rand -hex 16)\"/" "$RUN/secrets.yml"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=pebble-test-ca \
  -keyout "$RUN/pebble-ca.key" -out "$RUN/pebble-ca.pem" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=127.0.0.1 \
  -keyout "$RUN/pebble.key" -out "$RUN/pebble.csr" 2>/dev/null
openssl x509 -req -in "$RUN/pebble.csr" -CA "$RUN/pebble-ca.pem" -CAkey "$RUN/pebble-ca.key" -days 2 \
  -extfile <(printf 'subjectAltName=IP:127.0.0.1,DNS:localhost') -out "$RUN/pebble.crt" 2>/dev/null
mkdir -p "$TARGET/etc/pa-test"
cp "$RUN/pebble-ca.pem" "$TARGET/etc/pa-test/acme-ca.pem"
cat > "$RUN/pebble.json" <<'PEBBLE'
{"pebble": {"listenAddress": "127.0.0.1:14000", "managementListenAddress": "127.0.0.1:15000",
  "certificate": "/run/pa-test/pebble.crt", "privateKey": "/run/pa-test/pebble.key",
  "httpPort": 80, "tlsPort": 443, "ocspResponderURL": "", "externalAccountBindingRequired": false}}
PEBBLE

log "Boot the container"
boot_target
in_target systemctl is-system-running || true
start_apt_bridge
start_test_services

log "Converge site.yml"
playbook converge-1 site.yml
log "Converge site.yml again: nothing may change"
playbook converge-2 site.yml
recap=$(grep -E '^pa-test +:' "$RUN/converge-2.log")
echo "$recap" | grep -Eq 'changed=0 .*failed=0' || { grep -B12 'changed:' "$RUN/converge-2.log" | head -80; echo "second run changed something" >&2; exit 1; }
echo "second run: $recap"

export RUN NSPAWN_PID
. "$(dirname "$0")/checks.sh"
