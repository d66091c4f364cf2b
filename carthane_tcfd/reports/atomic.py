"""Atomic file writes: build beside the target (carthane_tcfd.tempfiles), then replace it, so a failure never
damages the old file."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from carthane_tcfd.domain.errors import UserError
from carthane_tcfd.tempfiles import sweep_temporaries, temporary_beside


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
