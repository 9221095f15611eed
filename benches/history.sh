#!/usr/bin/env bash
# `campaigns history --format json` over N commits (default 1000) of the shipped
# campaigns.toml, beside `git log -p -- campaigns.toml > /dev/null` on the same
# repository, and the peak memory of each beside one load (`report --format json`).
# Public tools only: git, /usr/bin/time. Run from the repository's root:
#   bash benches/history.sh [N]
set -euo pipefail
N=${1:-1000}
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin campaigns --example history_commits
target=${CARGO_TARGET_DIR:-target}
bin=$(cd "$target/release" && pwd)/campaigns
gen=$(cd "$target/release/examples" && pwd)/history_commits
repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
git -C "$repo" init -q -b main
"$gen" campaigns.toml "$N" | git -C "$repo" fast-import --quiet
git -C "$repo" reset -q --hard main
git -C "$repo" gc -q
cd "$repo"
echo "$(git rev-list --count HEAD) commits"
log=$repo.times
for run in 1 2 3 4 5; do
  /usr/bin/time -a -o "$log" -f "history: %e s, %M KB" "$bin" history --format json > /dev/null
  /usr/bin/time -a -o "$log" -f "git log -p: %e s, %M KB" sh -c 'git log -p -- campaigns.toml > /dev/null'
  /usr/bin/time -a -o "$log" -f "one load (report --format json): %e s, %M KB" \
    "$bin" report --format json > /dev/null 2>&1
done
sort "$log" | uniq -c
rm -f "$log"
