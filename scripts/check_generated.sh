#!/usr/bin/env bash
# Fail when the committed contentgroove_client/ differs from a fresh generation of openapi.json.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
scripts/generate.sh "$tmp/contentgroove_client"
if ! diff -r -x __pycache__ -x .ruff_cache contentgroove_client "$tmp/contentgroove_client"; then
  echo "contentgroove_client/ is stale: run 'make generate' and commit the result." >&2
  exit 1
fi
echo "contentgroove_client/ matches openapi.json"
