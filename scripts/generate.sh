#!/usr/bin/env bash
# Regenerate the typed low-level client from openapi.json into the folder given (default contentgroove_client).
# Usage: scripts/generate.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-contentgroove_client}"
venv_bin="$PWD/.venv/bin"
export PATH="$venv_bin:$PATH"
rm -rf "$out"
openapi-python-client generate \
  --path openapi.json \
  --config generator-config.yaml \
  --custom-template-path templates \
  --meta none \
  --output-path "$out" \
  --fail-on-warning \
  --overwrite >/dev/null
printf '# Marker file for PEP 561\n' > "$out/py.typed"
