#!/usr/bin/env bash
# Set-up of a development or CI machine: a virtual environment in .venv with the pinned dependencies,
# the system packages the application needs on Debian/Ubuntu, and the compiled translations.
#   packaging/setup.sh [--test] [--gui] [--packaging]
#     --test  also install the test extra (pytest, pytest-qt, ...)
#     --gui   also install the X11 libraries Qt's xcb platform plugin needs to open a window
#     --packaging  also install PyInstaller (the bundle build; the test extra includes it)
# The interpreter: CARTHANE_PYTHON, else the best one found (packaging/find_python.sh says where it looks).
# An existing .venv made with another interpreter than CARTHANE_PYTHON is rebuilt.
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

# Runs a command with its output in a log file; on failure shows the end of it (the reasons) and keeps
# the file. Returns the command's status.
logged() {
  local what=$1 log status=0
  shift
  log=$(mktemp "${TMPDIR:-/tmp}/carthane-setup.XXXXXX")
  "$@" >"$log" 2>&1 || status=$?
  if [ $status -ne 0 ]; then
    say "$what failed (exit $status); the end of its output:"
    grep -v -e '━━' -e "^WARNING: Location '" -e '^ *Downloading ' -e '^ *Using cached ' "$log" | uniq | tail -n 60 >&2
    say "the whole output: $log"
  else
    rm -f "$log"
  fi
  return $status
}

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
      say "please install these system packages (as root): apt-get install --no-install-recommends ${missing[*]}"
      return 0
    fi
  fi
  say "installing system packages: ${missing[*]}"
  # another apt or an unattended upgrade may hold the lock: wait for it up to two minutes
  local apt=($sudo apt-get -o DPkg::Lock::Timeout=120)
  export DEBIAN_FRONTEND=noninteractive
  logged "apt-get update" "${apt[@]}" update || say "trying with the current package lists"
  if ! logged "apt-get install" "${apt[@]}" install -y --no-install-recommends \
    "${missing[@]}"; then
    say "could not install the system packages; install them, then run this again:"
    say "  apt-get install --no-install-recommends ${missing[*]}"
    exit 1
  fi
}

have_apt=0
command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && have_apt=1
if [ $have_apt = 1 ]; then
  # A CJK font, so Chinese renders in the GUI, the charts and the PDF.
  apt_install fonts-wqy-microhei
  # cairo's headers, to build pycairo (PyPI has wheels for Windows only): the fast matrix PDF writer.
  apt_install libcairo2-dev pkg-config
  if [ $want_test = 1 ]; then
    # The print test converts the board pack with LibreOffice and measures the PDF (poppler's pdftotext);
    # Carlito has Calibri's metrics, so LibreOffice sizes columns as Excel does.
    apt_install libreoffice-calc-nogui poppler-utils fonts-crosextra-carlito
  fi
  if [ $want_test = 1 ] || [ $want_packaging = 1 ]; then
    # PyInstaller reads and strips binaries with objdump and strip
    apt_install binutils
  fi
  if [ $want_gui = 1 ]; then
    apt_install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libxcb-image0 \
      libxcb-render-util0 libegl1
  fi
fi

# ---- Python ---------------------------------------------------------------------------------
# the interpreter a venv was made with (empty when the venv no longer runs)
base_python() { "$1/bin/python" -c 'import os, sys; print(os.path.realpath(sys._base_executable))' 2>/dev/null || true; }

python=""
if [ -e .venv ]; then
  made_with=$(base_python .venv)
  if [ -z "$made_with" ]; then
    say ".venv does not run (was its Python removed or upgraded?): rebuilding it"
    rm -rf .venv
  elif [ -n "${CARTHANE_PYTHON:-}" ]; then
    python=$(packaging/find_python.sh)
    if [ "$python" != "$made_with" ]; then
      say ".venv was made with $made_with; CARTHANE_PYTHON names $python: rebuilding .venv with it"
      rm -rf .venv
    fi
  fi
fi

if [ ! -e .venv ]; then
  [ -n "$python" ] || python=$(packaging/find_python.sh)
  version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  if ! "$python" -c 'import ensurepip' >/dev/null 2>&1; then
    # Debian and Ubuntu ship the venv module's pip installer apart
    if [ $have_apt = 1 ] && [[ $python == /usr/bin/* ]]; then apt_install "python$version-venv"; fi
    "$python" -c 'import ensurepip' >/dev/null 2>&1 \
      || { say "$python cannot make a venv with pip (Debian/Ubuntu: apt-get install python$version-venv)"; exit 1; }
  fi
  say "creating .venv with Python $version ($python)"
  [ "$version" = 3.11 ] && say "Python 3.11: PySide6 stays below 6.12 there; 3.12 is preferred (README, Set-up)"
  logged "creating .venv" "$python" -m venv .venv || exit 1
  logged "upgrading pip" .venv/bin/python -m pip install --upgrade pip || exit 1
fi

extras=""
if [ $want_test = 1 ]; then extras="[test]"; elif [ $want_packaging = 1 ]; then extras="[packaging]"; fi
stamp=".venv/.installed${extras}"
digest=$(cat pyproject.toml packaging/constraints.txt | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
  say "installing the application's dependencies${extras:+ with $extras} (pinned: packaging/constraints.txt)"
  logged "pip install" .venv/bin/python -m pip install -c packaging/constraints.txt -e ".${extras}" || exit 1
  echo "$digest" > "$stamp"
fi

# ---- the fast PDF writer (optional) ---------------------------------------------------------
# Matrix PDFs are written by cairo when pycairo is installed, else by matplotlib (several times
# slower: README, Performance). On Windows pyproject.toml installs it from its wheel; here it is built from source.
if ! .venv/bin/python -c "import cairo" >/dev/null 2>&1; then
  logged "building pycairo" .venv/bin/python -m pip install -c packaging/constraints.txt pycairo \
    || say "pycairo could not be built (it needs libcairo2-dev, pkg-config, a C compiler and Python's headers);" \
      "matrix PDFs use matplotlib's writer"
fi

# ---- bytecode -------------------------------------------------------------------------------
# The editable install leaves the application's own modules uncompiled; where PYTHONDONTWRITEBYTECODE
# is set, every start would compile them again (a visible part of start-up: README, Performance). Compile them here, as a
# regular install does. Only changed files are compiled again.
.venv/bin/python -m compileall -q carthane_tcfd main.py >/dev/null

# ---- translations ---------------------------------------------------------------------------
.venv/bin/python -m carthane_tcfd.ui.translations_build >/dev/null
