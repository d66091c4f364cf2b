#!/usr/bin/env bash
# Build the one-folder desktop bundle for this platform into build/dist/CarthaneTCFD (or DIST_DIR).
#   packaging/build.sh [DIST_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dist="${1:-$here/build/dist}"
work="${BUILD_WORK_DIR:-$here/build/work}"
"$here/packaging/setup.sh" --packaging
cd "$here"
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$dist" --workpath "$work" \
  packaging/carthane_tcfd.spec
if [ "$(uname -s)" = "Linux" ]; then
  install -m 644 packaging/linux/carthane-tcfd.desktop "$dist/CarthaneTCFD/"
  install -m 644 resources/icons/app.png "$dist/CarthaneTCFD/carthane-tcfd.png"
fi
echo "bundle: $dist/CarthaneTCFD ($(du -sh "$dist/CarthaneTCFD" | cut -f1))"
