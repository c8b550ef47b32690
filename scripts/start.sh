#!/usr/bin/env bash
# Brink's main job: set up (npm ci if needed) and run Brink on the default scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node packages/app/bin/brink.js scenario show scenarios/korean-peninsula-2025-09.yaml
