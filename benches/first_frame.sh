#!/usr/bin/env bash
# The review screen's first frame with N commits (default 1000) of history
# beside the same file outside git: the history is read on a thread of its
# own, so the first frame must not wait for it (budget 1.1x). Each run starts
# the release binary in an 80x24 pty and ends when the frame shows "help"
# (examples/first_frame.rs). Run from the repository's root:
#   bash benches/first_frame.sh [N]
set -euo pipefail
N=${1:-1000}
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin campaigns --example history_commits --example first_frame
target=${CARGO_TARGET_DIR:-target}
bin=$(cd "$target/release" && pwd)/campaigns
gen=$(cd "$target/release/examples" && pwd)/history_commits
frame=$(cd "$target/release/examples" && pwd)/first_frame
repo=$(mktemp -d)
plain=$(mktemp -d)
trap 'rm -rf "$repo" "$plain"' EXIT
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
git -C "$repo" init -q -b main
"$gen" campaigns.toml "$N" | git -C "$repo" fast-import --quiet
git -C "$repo" reset -q --hard main
git -C "$repo" gc -q
cp "$repo/campaigns.toml" "$plain/"
echo "$(git -C "$repo" rev-list --count HEAD) commits"
# Ten pairs, the two alternating (A B A B ...) so a drift of the shared
# machine's speed falls on both; the median wall of each in milliseconds
# (the app's own CPU, a few ms, is below /usr/bin/time's 10 ms resolution).
log=$(mktemp)
trap 'rm -rf "$repo" "$plain" "$log"' EXIT
for run in $(seq 1 10); do
  for side in A B; do
    dir=$repo
    [ "$side" = B ] && dir=$plain
    start=$(date +%s%N)
    "$frame" "$bin" help --lang en "$dir/campaigns.toml"
    echo "$side $(( ($(date +%s%N) - start) / 1000 ))" >> "$log"
  done
done
for side in A B; do
  walls=$(awk -v s="$side" '$1 == s { print $2 }' "$log" | sort -n)
  echo "$side ($([ "$side" = A ] && echo in the repository || echo outside git)):" \
    "median wall $(echo "$walls" | sed -n 5p | awk '{ printf "%.1f", $1 / 1000 }')-$(echo "$walls" | sed -n 6p | awk '{ printf "%.1f", $1 / 1000 }') ms"
done
