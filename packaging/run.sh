#!/usr/bin/env bash
# Start the desktop application (or a headless command: packaging/run.sh list --json).
# The first run sets up .venv and the system packages; later runs start at once.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/packaging/setup.sh" --gui
exec "$here/.venv/bin/python" "$here/main.py" "$@"
