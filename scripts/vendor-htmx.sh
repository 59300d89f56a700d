#!/usr/bin/env bash
# Refresh the vendored htmx (src/casereview/web/static/htmx.min.js) from the npm registry's
# htmx.org package. The file is committed, so neither installing nor running needs npm.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="${1:-2.0.11}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "htmx.org@$VERSION" >/dev/null && tar xzf htmx.org-*.tgz)
cp "$tmp/package/dist/htmx.min.js" "$ROOT/src/casereview/web/static/htmx.min.js"
echo "htmx $VERSION -> src/casereview/web/static/htmx.min.js"
