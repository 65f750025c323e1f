#!/usr/bin/env bash
# Static checks of ansible/: yamllint, ansible-lint (production profile), --syntax-check of every playbook against
# both example inventories, promtool check/test of the alert rules. Runs in the cached Debian 13 controller root.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
install_host_tools
ensure_controller
controller sh -euc '
  cd /src/ansible
  yamllint --strict .
  ansible-lint --offline --profile production
  for inventory in inventories/single/hosts.yml inventories/cluster/hosts.yml; do
    for playbook in site.yml deploy.yml rollback.yml backup.yml restore.yml; do
      ansible-playbook -i "$inventory" --syntax-check "$playbook" >/dev/null
    done
  done
  echo "syntax-check: 5 playbooks x 2 inventories OK"
  cd roles/monitoring/files/rules
  promtool check rules personal-assistant.yml
  promtool test rules personal-assistant.test.yml
'
