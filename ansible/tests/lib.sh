# Shared by the test-lane scripts: the cached Debian 13 roots and a way to run the controller's tools.
# shellcheck shell=bash
PA_TEST_CACHE=${PA_TEST_CACHE:-/var/cache/pa-ansible-test}
PA_TEST_MIRROR=${PA_TEST_MIRROR:-http://deb.debian.org/debian}
PA_CONTROLLER_ROOT=$PA_TEST_CACHE/controller
# The controller: Debian 13's ansible (ansible-core 2.19), ansible-lint, yamllint, testssl.sh 3.2, pebble, promtool.
PA_CONTROLLER_PACKAGES=ansible,ansible-lint,yamllint,testssl.sh,pebble,prometheus,socat,curl,openssl,util-linux,ca-certificates,python3-jmespath,python3-netaddr,python3-passlib,jq,bind9-host,procps,iproute2,git,openssh-client
PA_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

log() { printf '\n\033[1m== %s\033[0m (%ss)\n' "$*" "$SECONDS"; }

# Debian packages this lane needs on the host (the host may be Debian 12 or 13).
install_host_tools() {
  local missing=()
  command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
  command -v systemd-nspawn >/dev/null || missing+=(systemd-container)
  command -v socat >/dev/null || missing+=(socat)
  command -v nsenter >/dev/null || missing+=(util-linux)
  if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Builds (once) a Debian 13 root; the packages list is part of the cache key.
build_root() { # name variant packages
  local name=$1 variant=$2 packages=$3 key
  key=$(printf '%s %s %s' "$variant" "$packages" "$PA_TEST_MIRROR" | sha256sum | cut -c1-16)
  if [ -f "$PA_TEST_CACHE/$name.tar" ] && [ "$(cat "$PA_TEST_CACHE/$name.key" 2>/dev/null)" = "$key" ]; then
    return
  fi
  mkdir -p "$PA_TEST_CACHE"
  mmdebstrap --variant="$variant" --include="$packages" trixie "$PA_TEST_CACHE/$name.partial.tar" "$PA_TEST_MIRROR" \
    > "$PA_TEST_CACHE/$name.log" 2>&1 || { tail -20 "$PA_TEST_CACHE/$name.log"; return 1; }
  mv "$PA_TEST_CACHE/$name.partial.tar" "$PA_TEST_CACHE/$name.tar"
  echo "$key" > "$PA_TEST_CACHE/$name.key"
  rm -rf "${PA_TEST_CACHE:?}/$name"
}

ensure_controller() {
  mkdir -p "$PA_TEST_CACHE"
  (
    flock 9 # one build at a time
    build_root controller apt "$PA_CONTROLLER_PACKAGES"
    if [ ! -x "$PA_CONTROLLER_ROOT/usr/bin/ansible-playbook" ]; then
      mkdir -p "$PA_CONTROLLER_ROOT"
      tar -C "$PA_CONTROLLER_ROOT" -xf "$PA_TEST_CACHE/controller.tar"
    fi
    mkdir -p "$PA_CONTROLLER_ROOT/src"
  ) 9> "$PA_TEST_CACHE/build.lock"
}

# Runs a command in the controller root, with the repository at /src and the host's /proc (so that nsenter reaches
# the target container), in a private mount namespace: nothing stays mounted afterwards.
controller() {
  (exec_controller "$@")
}

# The same, replacing the calling (sub)shell: `exec_controller pebble ... &` leaves the PID of the command itself.
exec_controller() {
  exec unshare --mount --propagation private -- sh -c '
    root=$1; repo=$2; shift 2
    mount --rbind /proc "$root/proc" && mount --rbind /dev "$root/dev" && mount --rbind /sys "$root/sys" &&
    mount --bind "$repo" "$root/src" && mount -t tmpfs tmpfs "$root/tmp" && mount --bind /run "$root/run" &&
    exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TERM=dumb \
      ANSIBLE_FORCE_COLOR=0 PY_COLORS=0 "$@"
  ' sh "$PA_CONTROLLER_ROOT" "$PA_REPO" "$@"
}
