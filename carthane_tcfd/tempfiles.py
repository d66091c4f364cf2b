"""Hidden temporary files beside a target (a file being exported, a database being built), named for the
process that writes them (".tcfd-PID-XXXXXXXX.part": short, so a target whose name takes the whole 255
bytes still has room beside it). Whoever makes one removes it on every failure; one that a killed process
left behind is swept the next time anything is written to that folder."""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from pathlib import Path

TEMP_PREFIX = ".tcfd-"
TEMP_SUFFIX = ".part"
_TEMP_NAME = re.compile(r"\.tcfd-(\d+)-\w+\.part(-wal|-shm|-journal)?")
STALE_SECONDS = 24 * 3600  # where a process cannot be asked whether it still runs


def temporary_beside(target: Path) -> Path:
    """A new, empty, private (0600) hidden file in the target's folder, named for this process."""
    handle, name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=target.parent)
    os.close(handle)
    return Path(name)


def remove_temporary(temp: Path) -> None:
    """A temporary file and the journal files SQLite may have made beside it."""
    for path in (temp, *(temp.with_name(temp.name + s) for s in ("-wal", "-shm", "-journal"))):
        path.unlink(missing_ok=True)


def sweep_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files that processes no longer running left in `folder`; those removed."""
    removed: list[Path] = []
    try:
        found = [(p, _TEMP_NAME.fullmatch(p.name)) for p in folder.iterdir()]
    except OSError:
        return removed
    for path, match in found:
        if match and _is_stale(path, int(match.group(1))):
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                pass  # gone meanwhile, or not ours to remove
    return removed


def _is_stale(path: Path, pid: int) -> bool:
    if pid == os.getpid():
        return False
    if sys.platform != "win32":
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:  # another user's live process
            return False
        return False
    try:
        return time.time() - path.stat().st_mtime > STALE_SECONDS
    except OSError:
        return False
