#!/bin/sh
# Turns the demo into one repository with a remote per city, as a province office
# would hold it: DIR/rollup.toml in a git repository whose remotes <city> are the
# cities' own repositories (DIR/cities/<city>.git, each with its reports as commits
# of campaigns.toml, oldest first), fetched into refs/remotes/<city>/main.
#   sh examples/province/make-repo.sh /tmp/province
set -eu
if [ $# -ne 1 ]; then
    echo "usage: sh make-repo.sh DIR   (DIR must not exist yet, or be empty)" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$1"
dest=$(cd "$1" && pwd)
if [ -n "$(ls -A "$dest")" ]; then
    echo "make-repo.sh: $dest is not empty" >&2
    exit 2
fi

# Fixed names and no personal or system config: the same repository on every machine.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=Clerk GIT_AUTHOR_EMAIL=clerk@example.com
export GIT_COMMITTER_NAME=Clerk GIT_COMMITTER_EMAIL=clerk@example.com

git init -q "$dest"
cp "$here/rollup.toml" "$dest/rollup.toml"
for folder in "$here"/units/*/; do
    city=$(basename "$folder")
    bare="$dest/cities/$city.git"
    git init -q --bare "$bare"
    parent=
    # The file names are the reports' dates, so they list oldest first.
    for report in "$folder"*.toml; do
        day=$(basename "$report" .toml)
        blob=$(git -C "$bare" hash-object -w "$report")
        tree=$(printf '100644 blob %s\tcampaigns.toml\n' "$blob" | git -C "$bare" mktree)
        export GIT_AUTHOR_DATE="${day}T18:00:00+08:00" GIT_COMMITTER_DATE="${day}T18:00:00+08:00"
        commit=$(git -C "$bare" commit-tree "$tree" ${parent:+-p "$parent"} -m "$city: report of $day")
        parent=$commit
    done
    git -C "$bare" update-ref refs/heads/main "$commit"
    git -C "$dest" remote add "$city" "$bare"
done
git -C "$dest" fetch -q --all
git -C "$dest" add rollup.toml
git -C "$dest" commit -q -m "Province roll-up manifest"
echo "$dest: rollup.toml and $(ls "$dest/cities" | wc -l | tr -d ' ') cities as remotes. Try:"
echo "  campaigns check $dest/rollup.toml"
echo "  campaigns report $dest/rollup.toml"
echo "  campaigns fetch $dest/rollup.toml"
