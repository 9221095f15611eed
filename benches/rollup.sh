#!/usr/bin/env bash
# The roll-up of issue 26 at 114 units of 1 000 tasks: `campaigns check
# rollup.toml` (every unit read, parsed, validated and scheduled, in parallel)
# and `campaigns report rollup.toml --format json`, beside `campaigns check`
# run on each unit's file one after another; peak memory of each.
# Public tools only: /usr/bin/time, date. Run from the repository's root:
#   bash benches/rollup.sh [UNITS] [TASKS]
# PROFILE=debug measures the debug build (default: release).
set -euo pipefail
UNITS=${1:-114}
TASKS=${2:-1000}
PROFILE=${PROFILE:-release}
cd "$(dirname "$0")/.."
if [ "$PROFILE" = release ]; then
  cargo build --release --quiet --bin campaigns --example gen
else
  cargo build --quiet --bin campaigns --example gen
fi
target=${CARGO_TARGET_DIR:-target}
bin=$(cd "$target/$PROFILE" && pwd)/campaigns
gen=$(cd "$target/$PROFILE/examples" && pwd)/gen
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
{
  printf '[rollup]\ntitle = "Bench"\nas_of = 2024-12-31\nstale_after_days = 40\n'
  printf '\n[[combine]]\nitem = "campaign-0/task-1"\nhow = "sum"\n'
  printf '\n[[ranking]]\nitem = "campaign-0/pm25"\nshow = 10\n'
} > "$dir/rollup.toml"
for i in $(seq 1 "$UNITS"); do
  mkdir -p "$dir/units/u$i"
  "$gen" --tasks "$TASKS" --seed "$i" > "$dir/units/u$i/campaigns.toml"
  printf '\n[[unit]]\nid = "u%s"\nname = "Unit %s"\npath = "units/u%s/campaigns.toml"\n' "$i" "$i" "$i" >> "$dir/rollup.toml"
done
ms() { echo $(( $(date +%s%N) / 1000000 )); }
for run in $(seq 1 "${RUNS:-3}"); do
  start=$(ms)
  "$bin" check "$dir/rollup.toml" > /dev/null 2>&1 || true
  rollup=$(( $(ms) - start ))
  start=$(ms)
  "$bin" report "$dir/rollup.toml" --format json > /dev/null 2>&1
  report=$(( $(ms) - start ))
  start=$(ms)
  for i in $(seq 1 "$UNITS"); do
    "$bin" check "$dir/units/u$i/campaigns.toml" > /dev/null 2>&1 || true
  done
  each=$(( $(ms) - start ))
  echo "run $run: roll-up check ${rollup} ms, roll-up report json ${report} ms, $UNITS checks one after another ${each} ms, ratio $(( 100 * rollup / each ))%"
done
/usr/bin/time -f "roll-up check: %M KB peak" "$bin" check "$dir/rollup.toml" > /dev/null 2>"$dir/time" || true
tail -1 "$dir/time"
/usr/bin/time -f "one unit check: %M KB peak" "$bin" check "$dir/units/u1/campaigns.toml" > /dev/null 2>"$dir/time" || true
tail -1 "$dir/time"
echo "sum of the $UNITS units' single loads: about $UNITS x the one above"
