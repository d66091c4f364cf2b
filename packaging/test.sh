#!/usr/bin/env bash
# Run the whole test suite (sets up .venv with the test extra first). Extra arguments go to pytest.
# PostgreSQL legs run when TCFD_TEST_PG_URL is set (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/packaging/setup.sh" --test
cd "$here"
exec .venv/bin/python -m pytest "$@"
