"""Atomic file writes: build beside the target, then replace it, so a failure never damages the old file.

The temporary file is hidden and named for the process that writes it (".tcfd-PID-XXXXXXXX.part": short,
so a target whose name takes the whole 255 bytes still has room beside it). It is removed on every
failure; one a killed process left behind is swept the next time anything is written to that folder."""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from carthane_tcfd.domain.errors import UserError

TEMP_PREFIX = ".tcfd-"
TEMP_SUFFIX = ".part"
_TEMP_NAME = re.compile(r"\.tcfd-(\d+)-\w+\.part")
STALE_SECONDS = 24 * 3600  # where a process cannot be asked whether it still runs


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Call `write(temporary_path)` in the target's folder, then move the result over `target`."""
    target = Path(target).expanduser().resolve()
    folder = target.parent
    if not folder.is_dir():
        raise UserError(f"文件夹不存在：{folder}", f"The folder does not exist: {folder}")
    if target.is_dir():
        raise UserError(f"{target} 是一个文件夹，不能覆盖。", f"{target} is a folder; it cannot be replaced.")
    if target.exists() and (not os.access(target, os.W_OK) or not target.stat().st_mode & stat.S_IWUSR):
        raise UserError(
            f"{target} 为只读文件，未被替换。请另选文件名或先取消只读。",
            f"{target} is read-only and was not replaced. Choose another name or make it writable first.",
        )
    sweep_temporaries(folder)
    try:
        temp = temporary_beside(target)
    except OSError as exc:
        raise _failure(target, exc) from exc
    try:
        _match_mode(temp, target)
        write(temp)
        os.replace(temp, target)
    except OSError as exc:
        raise _failure(target, exc) from exc
    finally:
        temp.unlink(missing_ok=True)
    return target


def temporary_beside(target: Path) -> Path:
    """A new, empty, private (0600) hidden file in the target's folder, named for this process."""
    handle, name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=target.parent)
    os.close(handle)
    return Path(name)


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


def _match_mode(temp: Path, target: Path) -> None:
    """A replaced file keeps its mode; a new one stays private as mkstemp made it (0600)."""
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        return
    os.chmod(temp, mode)


def _failure(target: Path, exc: OSError) -> UserError:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return UserError(
            f"无法写入 {target}：没有权限，或文件正被其他程序（如 Excel）打开。原文件未改动。",
            f"Cannot write {target}: permission denied, or the file is open in another program (such as "
            "Excel). The existing file is unchanged.",
        )
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return UserError(
            f"无法写入 {target}：磁盘空间不足。原文件未改动。",
            f"Cannot write {target}: the disk is full. The existing file is unchanged.",
        )
    return UserError(
        f"无法写入 {target}：{exc.strerror or exc}。原文件未改动。",
        f"Cannot write {target}: {exc.strerror or exc}. The existing file is unchanged.",
    )
