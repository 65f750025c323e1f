#!/usr/bin/env bash
# Runs the Vitest suite again with the machine's clock and zone moved (Debian's faketime), to prove that every test
# which depends on the date controls its own clock: a year ahead, a leap day, and the two DST change days.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v faketime >/dev/null 2>&1; then
  echo "The moved-clock test needs faketime: apt-get install -y faketime" >&2
  exit 1
fi
run() {
  echo "Vitest with the clock at '$1' in $2"
  TZ="$2" faketime -f "$1" npx vitest run --reporter=dot
}
run '+400d' UTC
run '@2028-02-29 10:00:00' Asia/Tokyo          # a leap day
run '@2027-03-28 01:30:00' Europe/Paris        # the night European clocks spring forward
run '@2027-11-07 01:30:00' America/New_York    # the night US clocks fall back
