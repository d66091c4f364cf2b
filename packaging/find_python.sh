#!/usr/bin/env bash
# Prints the Python interpreter the set-up uses (the real file, symlinks and pyenv shims resolved).
#   packaging/find_python.sh
# CARTHANE_PYTHON, when set, is the choice: it must be Python 3.11 or newer, or this fails.
# Otherwise the newest patch release of 3.12, then 3.13, then 3.14 found in any of these places
# (PySide6 6.12.0 corrupts None's reference count on CPython 3.11, DESIGN.md §6), else 3.11:
#   - pythonX.Y on PATH;
#   - uv's managed Pythons (`uv python find`), when uv is on PATH;
#   - pyenv's versions: $PYENV_ROOT, `pyenv root` when pyenv is on PATH, and ~/.pyenv of every account
#     in the user database (getent passwd), so another HOME still finds root's or a colleague's pyenv;
#     likewise uv's ~/.local/share/uv/python of every account;
#   - /opt/*/bin, /opt/*/versions/X.Y.*/bin, /usr/local/bin, /usr/bin.
# 3.11 comes from python3.11 or python3 on PATH, /usr/local/bin or /usr/bin.
set -euo pipefail

say() { printf '[setup] %s\n' "$*" >&2; }

# the real interpreter behind a candidate when it is Python >= 3.11 with the venv module; else nothing
usable() {
  "$1" -c 'import os, sys, venv
if sys.version_info >= (3, 11): print(os.path.realpath(sys.executable))' </dev/null 2>/dev/null || true
}

if [ -n "${CARTHANE_PYTHON:-}" ]; then
  found=$(usable "$CARTHANE_PYTHON")
  if [ -z "$found" ]; then
    say "CARTHANE_PYTHON=$CARTHANE_PYTHON is not a Python 3.11 or newer with its venv module"
    exit 1
  fi
  echo "$found"
  exit 0
fi

homes() { getent passwd 2>/dev/null | cut -d: -f6 | sort -u; }

# candidates for version $1 (e.g. 3.12), best first within each place; run in a subshell, where a
# place that does not exist (find fails) must not end the search
candidates() {
  set +e +o pipefail
  local v=$1 root dir
  command -v "python$v" || true
  if command -v uv >/dev/null 2>&1; then uv python find --system "$v" 2>/dev/null || true; fi
  {
    [ -n "${PYENV_ROOT:-}" ] && echo "$PYENV_ROOT"
    command -v pyenv >/dev/null 2>&1 && pyenv root 2>/dev/null
    for dir in $(homes); do echo "$dir/.pyenv"; done
  } | sort -u | while read -r root; do
    # release versions only (3.12.7, not 3.12-dev or 3.12.7t), the newest patch first
    find "$root/versions" -mindepth 1 -maxdepth 1 -regex ".*/${v//./\\.}\.[0-9]+" -printf '%f\n' 2>/dev/null \
      | sort -rV | while read -r version; do echo "$root/versions/$version/bin/python$v"; done
  done
  for dir in $(homes); do
    find "$dir/.local/share/uv/python" -mindepth 1 -maxdepth 1 -name "cpython-$v.*" -printf '%f\n' 2>/dev/null \
      | sort -rV | while read -r build; do echo "$dir/.local/share/uv/python/$build/bin/python$v"; done
  done
  for dir in /opt/*/bin /opt/*/versions/"$v".*/bin /usr/local/bin /usr/bin; do
    [ -x "$dir/python$v" ] && echo "$dir/python$v"
  done
  return 0
}

for v in 3.12 3.13 3.14 3.11; do
  while read -r candidate; do
    # pyenv's shims are slow to run and stand for the versions searched directly
    [ -n "$candidate" ] && [[ $candidate != */shims/* ]] || continue
    found=$(usable "$candidate")
    if [ -n "$found" ]; then echo "$found"; exit 0; fi
  done < <(candidates "$v")
done
for candidate in python3 /usr/bin/python3; do
  found=$(usable "$candidate")
  if [ -n "$found" ]; then echo "$found"; exit 0; fi
done
say "Python 3.11 or newer is needed (3.12 preferred); none was found. Install one (Debian: apt-get install"
say "python3 python3-venv), or name it with CARTHANE_PYTHON=/path/to/python3.12"
exit 1
