#!/usr/bin/env bash
# Rolling restarts under load, against the container a converge run kept (PA_TEST_KEEP=1 ansible/tests/converge.sh):
# ROUNDS times deploy.yml of the second build then rollback.yml, while LOOPS request loops (GET / and a GraphQL POST,
# each on a new connection) run through Nginx. Prints the answers by status; exits 1 on any that is not a 200.
#   sudo ansible/tests/rolling-restart-stress.sh [ROUNDS [LOOPS]] [-- extra ansible-playbook arguments]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
RUN=/run/pa-test
numbers=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do numbers+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
rounds=${numbers[0]:-3}
loops=${numbers[1]:-2}
second=$(ls "$RUN"/second/*.tar.gz)
client() { controller nsenter -t "$(cat "$RUN/target.pid")" -n "$@"; }
playbook() {
  controller env ANSIBLE_CONFIG=/src/ansible/ansible.cfg nsenter -t "$(cat "$RUN/target.pid")" -n \
    sh -c 'cd /src/ansible && exec ansible-playbook -i tests/inventory.yml -e @/run/pa-test/secrets.yml "$@"' sh "$@" \
    > "$RUN/stress-playbook.log" 2>&1 || { tail -40 "$RUN/stress-playbook.log"; exit 1; }
}

rm -f "$RUN/stress.stop" "$RUN"/stress-*.json
pids=()
for i in $(seq "$loops"); do
  client python3 /src/ansible/tests/http_checks.py loop "$RUN/stress.stop" "$RUN/stress-$i.json" &
  pids+=($!)
done
started=$SECONDS
for round in $(seq "$rounds"); do
  playbook deploy.yml -e app_artifact="$second" "$@"
  playbook rollback.yml "$@"
  echo "round $round done ($((SECONDS - started)) s)"
done
touch "$RUN/stress.stop"
wait "${pids[@]}"
counts=$(jq -s 'map(to_entries) | add | group_by(.key) | map({key: .[0].key, value: (map(.value) | add)}) | from_entries' \
  "$RUN"/stress-*.json)
echo "answers through Nginx over $rounds deploy+rollback rounds with $loops loops: $counts"
jq -e 'to_entries | all(.key == "200")' <<< "$counts" > /dev/null
