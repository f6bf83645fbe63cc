#!/usr/bin/env bash
# Fetches converse.js (pinned in package.json / package-lock.json of this folder) with npm into
# <out>/node_modules/converse.js; the WAR plugin then copies its dist/ to /chat/dist/.
# Run by the Maven build (generate-resources): fetch-converse.sh <source dir> <output dir>
set -euo pipefail

src="${1:?usage: fetch-converse.sh <source dir> <output dir>}"
out="${2:?usage: fetch-converse.sh <source dir> <output dir>}"

if ! command -v npm >/dev/null 2>&1; then
  echo "npm is needed to build /chat: apt-get install npm" >&2
  exit 1
fi

mkdir -p "$out"
stamp="$out/.installed-lock"
dist="$out/node_modules/converse.js/dist/converse.min.js"
# Up to date: same lock file as the last successful install, and the bundle is there.
if [ -f "$dist" ] && [ -f "$stamp" ] && cmp -s "$src/package-lock.json" "$stamp"; then
  echo "converse.js: up to date in $out"
  exit 0
fi

cp "$src/package.json" "$src/package-lock.json" "$out/"
cd "$out"
# No install scripts: only the published dist/ files are used.
npm ci --no-audit --no-fund --ignore-scripts --prefer-offline --loglevel=error
if [ ! -f "$dist" ]; then
  echo "converse.js: $dist is missing after npm ci" >&2
  exit 1
fi
cp package-lock.json "$stamp"
echo "converse.js $(node -p "require('./node_modules/converse.js/package.json').version" 2>/dev/null || echo '?') in $out"
