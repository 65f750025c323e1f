#!/usr/bin/env bash
# While a container kept by PA_TEST_KEEP=1 runs: ansible-playbook against it, e.g. tests/dev-playbook.sh site.yml -v
set -euo pipefail
. "$(dirname "$0")/lib.sh"
controller env ANSIBLE_CONFIG=/src/ansible/ansible.cfg ANSIBLE_CALLBACKS_ENABLED=ansible.posix.profile_tasks nsenter -t "$(cat /run/pa-test/target.pid)" -n \
  sh -c 'cd /src/ansible && exec ansible-playbook -i tests/inventory.yml -e @/run/pa-test/secrets.yml "$@"' sh "$@"
