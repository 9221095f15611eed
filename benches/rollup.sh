#!/usr/bin/env bash
# The roll-up of issue 26 at 114 units of 1 000 tasks, against its budgets:
# - first frame: `campaigns render rollup.toml --size 120x40` (every unit
#   read, parsed, validated and scheduled in parallel, then one frame of the
#   roll-up screen drawn) within 1.0 s, and within 0.7x the time of
#   `campaigns check UNIT` run on each unit's file one after another;
# - memory: the peak of that render within 1.2x the sum of the peaks of the
#   units' single loads (`check UNIT`).
# Beside them, `check rollup.toml` and `report rollup.toml --format json`.
# Each figure is printed as min / median / max over RUNS runs (default 3);
# the runs take the commands in turn, so a drift of the machine's speed
# moves them alike. Public tools only: /usr/bin/time, date. Run from the
# repository's root:
#   bash benches/rollup.sh [UNITS] [TASKS]
# PROFILE=debug measures the debug build (default: release).
set -euo pipefail
UNITS=${1:-114}
TASKS=${2:-1000}
RUNS=${RUNS:-3}
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
# Milliseconds taken by the command given.
took() {
  local start
  start=$(ms)
  "$@" > /dev/null 2>&1 || true
  echo $(( $(ms) - start ))
}
each_check() {
  for i in $(seq 1 "$UNITS"); do
    "$bin" check "$dir/units/u$i/campaigns.toml" > /dev/null 2>&1 || true
  done
}
# min / median / max of the numbers given.
spread() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "%s / %s / %s", v[1], v[int((NR + 1) / 2)], v[NR] }'
}
frames=() checks=() reports=() eaches=() ratios=()
for run in $(seq 1 "$RUNS"); do
  frame=$(took "$bin" render "$dir/rollup.toml" --size 120x40)
  check=$(took "$bin" check "$dir/rollup.toml")
  report=$(took "$bin" report "$dir/rollup.toml" --format json)
  each=$(took each_check)
  frames+=("$frame") checks+=("$check") reports+=("$report") eaches+=("$each")
  ratios+=("$(awk -v a="$frame" -v b="$each" 'BEGIN { printf "%.2f", a / b }')")
  echo "run $run: first frame ${frame} ms, check rollup ${check} ms, report json ${report} ms, $UNITS checks one after another ${each} ms, frame / checks ${ratios[-1]}"
done
echo "first frame (render 120x40), ms, min / median / max: $(spread "${frames[@]}")"
echo "check rollup.toml, ms: $(spread "${checks[@]}")"
echo "report rollup.toml --format json, ms: $(spread "${reports[@]}")"
echo "$UNITS x check UNIT one after another, ms: $(spread "${eaches[@]}")"
echo "first frame / checks one after another, same run: $(spread "${ratios[@]}")"
peak() { { /usr/bin/time -f "%M" "$@" > /dev/null; } 2>&1 | tail -1 || true; }
frame_peak=$(peak "$bin" render "$dir/rollup.toml" --size 120x40)
sum=0
for i in $(seq 1 "$UNITS"); do
  sum=$(( sum + $(peak "$bin" check "$dir/units/u$i/campaigns.toml") ))
done
echo "peak memory: first frame ${frame_peak} KB; the $UNITS units' single loads (check UNIT) add up to ${sum} KB; ratio $(awk -v a="$frame_peak" -v b="$sum" 'BEGIN { printf "%.3f", a / b }')"
