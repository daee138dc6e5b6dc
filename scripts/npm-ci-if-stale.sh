#!/usr/bin/env bash
# `npm ci` in a folder when its node_modules is missing or was installed from another
# lockfile (a stamp records which one), so tests never run against stale packages.
set -euo pipefail
dir="$1"
stamp="$dir/node_modules/.miniweave-lock"
if [ -f "$stamp" ] && cmp -s "$stamp" "$dir/package-lock.json"; then
  exit 0
fi
echo "installing npm packages in $dir from its lockfile" >&2
(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
cp "$dir/package-lock.json" "$stamp"
