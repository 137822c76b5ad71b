"""Writing output files safely: atomically, and never over something that is not a regular file.

The rules, for every file the library writes (exports, pages):

- ``-`` writes to standard output;
- a regular file (or a new one) is written beside itself and renamed into place, so an
  interrupted write never leaves half a file where a good one was;
- a symbolic link is followed: its target is written atomically in the target's own folder
  and the link stays a link;
- a character device or a FIFO (``/dev/null``, a named pipe) is written directly;
- anything else (a folder, a socket) is refused.

Leftover ``.NAME.PID.*.part`` files of earlier killed writes to the same target are removed once a
write succeeds.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> write_atomic(target, b"hello").read_bytes()
b'hello'
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path

from .errors import UsageError

__all__ = ["STDOUT", "write_atomic"]

#: The output name meaning standard output.
STDOUT = "-"


def _resolve(target: Path) -> Path:
    """The file to write for ``target``: the end of a chain of symbolic links, else itself."""
    if not target.is_symlink():
        return target
    try:
        return target.resolve(strict=False)
    except (OSError, RuntimeError) as exc:  # a loop of links
        raise UsageError(f"{target}: cannot follow the link ({exc})") from None


def _write_direct(target: Path, payload: bytes) -> None:
    with target.open("wb") as out:
        out.write(payload)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_leftovers(target: Path) -> None:
    """Remove ``.NAME.PID.*.part`` files that killed writes to ``target`` left behind.

    A part file names the process writing it; one whose process is gone is stale.
    """
    for leftover in target.parent.glob(f".{target.name}.*.part"):
        pid = leftover.name[len(target.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and _alive(int(pid)):
            continue
        if leftover.is_file() and not leftover.is_symlink():
            with contextlib.suppress(OSError):
                leftover.unlink()


def write_atomic(target: str | Path, payload: bytes) -> Path:
    """Write ``payload`` to ``target`` by the rules above and return the path written.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(folder, b"x")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gcsf_graph.errors.UsageError: ... is a folder, not a file ...
    """
    if str(target) == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return Path(STDOUT)
    given = Path(target)
    path = _resolve(given)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        _write_direct(path, payload)
        return given
    if mode is not None and not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        raise UsageError(f"{given} is {kind}, not a file that can be written; give a file name")
    directory = path.parent if str(path.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".part", dir=directory)
    try:
        if mode is not None:
            os.chmod(temporary, stat.S_IMODE(mode))  # keep the permissions of the file replaced
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600; give the usual permissions
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _remove_leftovers(path)
    return given
