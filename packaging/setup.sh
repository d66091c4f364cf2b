#!/usr/bin/env bash
# Set-up of a development or CI machine: a virtual environment in .venv with the pinned dependencies,
# the system packages the application needs on Debian/Ubuntu, and the compiled translations.
#   packaging/setup.sh [--test] [--gui]
#     --test  also install the test extra (pytest, pytest-qt, ...)
#     --gui   also install the X11 libraries Qt's xcb platform plugin needs to open a window
#     --packaging  also install PyInstaller (the bundle build; the test extra includes it)
# Safe to run again: it does only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
want_gui=0
want_packaging=0
for arg in "$@"; do
  case "$arg" in
    --test) want_test=1 ;;
    --gui) want_gui=1 ;;
    --packaging) want_packaging=1 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

say() { printf '[setup] %s\n' "$*" >&2; }

# ---- system packages (Debian/Ubuntu) -------------------------------------------------------
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      say "please install these system packages: ${missing[*]}"; return 0
    fi
  fi
  say "installing system packages: ${missing[*]}"
  $sudo apt-get update -qq >/dev/null || say "apt-get update failed; trying with the current package lists"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || say "could not install ${missing[*]}; the application still runs, see README (System packages)"
}

if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  # A CJK font, so Chinese renders in the GUI, the charts and the PDF.
  apt_install fonts-wqy-microhei
  # cairo's headers, to build pycairo (PyPI has wheels for Windows only): the fast matrix PDF writer.
  apt_install libcairo2-dev pkg-config
  if [ $want_test = 1 ]; then
    # The print test converts the board pack with LibreOffice and measures the PDF (poppler's pdftotext);
    # Carlito has Calibri's metrics, so LibreOffice sizes columns as Excel does.
    apt_install libreoffice-calc-nogui poppler-utils fonts-crosextra-carlito
  fi
  if [ $want_gui = 1 ]; then
    apt_install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libxcb-image0 \
      libxcb-render-util0 libegl1
  fi
fi

# ---- Python ---------------------------------------------------------------------------------
# PySide6 6.12.0 on CPython 3.11 corrupts None's reference count (DESIGN.md §6): prefer 3.12+.
pick_python() {
  local candidates=("${CARTHANE_PYTHON:-}")
  for v in 3.12 3.13 3.14; do
    candidates+=("python$v")
    for dir in "$HOME"/.pyenv/versions/"$v"*/bin /usr/local/bin /usr/bin; do candidates+=("$dir/python$v"); done
  done
  candidates+=(python3.11 python3)
  for c in "${candidates[@]}"; do
    [ -n "$c" ] || continue
    if "$c" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1; then
      echo "$c"; return 0
    fi
  done
  return 1
}

if [ ! -x .venv/bin/python ]; then
  python=$(pick_python) || { say "Python 3.11 or newer is needed (3.12+ preferred)"; exit 1; }
  say "creating .venv with $($python --version 2>&1)"
  "$python" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
fi

extras=""
if [ $want_test = 1 ]; then extras="[test]"; elif [ $want_packaging = 1 ]; then extras="[packaging]"; fi
stamp=".venv/.installed${extras}"
digest=$(cat pyproject.toml packaging/constraints.txt | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
  say "installing the application's dependencies${extras:+ with $extras}"
  .venv/bin/python -m pip install -q -c packaging/constraints.txt -e ".${extras}"
  echo "$digest" > "$stamp"
fi

# ---- the fast PDF writer (optional) ---------------------------------------------------------
# Matrix PDFs are written by cairo when pycairo is installed, else by matplotlib (several times
# slower: README, Performance). On Windows pyproject.toml installs it from its wheel; here it is built from source.
if ! .venv/bin/python -c "import cairo" >/dev/null 2>&1; then
  .venv/bin/python -m pip install -q -c packaging/constraints.txt pycairo >/dev/null 2>&1 \
    || say "pycairo could not be built (it needs libcairo2-dev and pkg-config); matrix PDFs use matplotlib's writer"
fi

# ---- bytecode -------------------------------------------------------------------------------
# The editable install leaves the application's own modules uncompiled; where PYTHONDONTWRITEBYTECODE
# is set, every start would compile them again (a visible part of start-up: README, Performance). Compile them here, as a
# regular install does. Only changed files are compiled again.
.venv/bin/python -m compileall -q carthane_tcfd main.py >/dev/null

# ---- translations ---------------------------------------------------------------------------
.venv/bin/python -m carthane_tcfd.ui.translations_build >/dev/null
