"""Atomic file writes: build beside the target, then replace it, so a failure never damages the old file."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from carthane_tcfd.domain.errors import UserError


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Call `write(temporary_path)` in the target's folder, then move the result over `target`."""
    target = Path(target).expanduser().resolve()
    folder = target.parent
    if not folder.is_dir():
        raise UserError(f"文件夹不存在：{folder}", f"The folder does not exist: {folder}")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix, dir=folder)
    except OSError as exc:
        raise _failure(target, exc) from exc
    os.close(handle)
    temp = Path(temp_name)
    _match_mode(temp, target)
    try:
        write(temp)
        os.replace(temp, target)
    except OSError as exc:
        raise _failure(target, exc) from exc
    finally:
        temp.unlink(missing_ok=True)
    return target


def _match_mode(temp: Path, target: Path) -> None:
    """mkstemp makes a private file; give the result the old file's mode, else the usual one."""
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp, mode)


def _failure(target: Path, exc: OSError) -> UserError:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return UserError(
            f"无法写入 {target}：没有权限，或文件正被其他程序（如 Excel）打开。原文件未改动。",
            f"Cannot write {target}: permission denied, or the file is open in another program (such as "
            "Excel). The existing file is unchanged.",
        )
    if exc.errno == errno.ENOSPC:
        return UserError(
            f"无法写入 {target}：磁盘空间不足。原文件未改动。",
            f"Cannot write {target}: the disk is full. The existing file is unchanged.",
        )
    return UserError(
        f"无法写入 {target}：{exc.strerror or exc}。原文件未改动。",
        f"Cannot write {target}: {exc.strerror or exc}. The existing file is unchanged.",
    )
