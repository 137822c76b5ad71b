"""On-disk Oxigraph stores: built once from RDF files, then opened read-only by any command.

A store this library builds carries a marker file, so replacing one never touches a folder
that is anything else. A store is built in a hidden sibling folder and swapped into place only
when complete (atomically where the system can exchange two folders), so a failure at any
moment leaves the old store usable. A store that another process has open for writing is
refused, never replaced under it. Leftovers of a killed build are removed by the next build.

>>> import tempfile
>>> from gcsf_graph.graph import bundled_paths
>>> folder = build_store(tempfile.mkdtemp() + "/store", [bundled_paths()["data"]], progress=False)
>>> open_store(folder).query("ASK { person:xi-jinping a gcsf:Person }", "ASK", {})
True
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from .errors import DataError, UsageError
from .formats import RdfFormat
from .rdfio import read_rdf, readable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .engines.oxigraph import OxigraphEngine

__all__ = ["MARKER", "build_store", "cached_store", "is_store", "open_store"]

#: The file that marks a folder as a store this library built.
MARKER = "gcsf-store.json"
_KIND = "gcsf-graph oxigraph store"
_LEFTOVER = ".store."  # a building folder is named .NAME.store.XXXX beside the target
_INDEX = "index.json"  # in the cache: the digest of the bundled files as they last were


def _marker(folder: Path) -> dict[str, object]:
    """What the folder's marker says ({} without a readable one)."""
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return marker if isinstance(marker, dict) else {}


def is_store(folder: Path) -> bool:
    """Whether ``folder`` holds a store this library built (it has the marker)."""
    return _marker(folder).get("kind") == _KIND


def _in_use(folder: Path) -> bool:
    """Whether another process holds the store's write lock (Oxigraph's RocksDB ``LOCK`` file)."""
    lock = folder / "LOCK"
    if not lock.is_file():
        return False
    with lock.open("rb+") as handle:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EAGAIN):
                return True
            raise
        fcntl.lockf(handle, fcntl.LOCK_UN)
    return False


def open_store(directory: str | Path, *, verify: bool = True) -> OxigraphEngine:
    """Open a store read-only (several processes may query it at once), or raise :class:`DataError`.

    ``verify`` reads every table file first, so that a damaged store fails here, not in a query.
    """
    from .engines.oxigraph import OxigraphEngine

    path = Path(directory)
    if not path.is_dir() or not any(path.iterdir()):
        raise DataError("not an Oxigraph store (build one from RDF files first)", path=str(path))
    try:
        store = ox.Store.read_only(str(path))
        if verify:
            len(store)  # reads the table files
    except (OSError, RuntimeError) as exc:
        detail = " ".join(str(exc).split())[:200]
        raise DataError(f"the store is damaged or unreadable ({detail}); build it again from its "
                        "RDF files, replacing this folder", path=str(path)) from None
    return OxigraphEngine(store, inferred=_inferred_count(path))


def _built_from(folder: Path) -> list[str] | None:
    """The files a store this library built was built from (None for any other folder)."""
    marker = _marker(folder)
    files = marker.get("files") if marker.get("kind") == _KIND else None
    return files if isinstance(files, list) else None


def _inferred_count(folder: Path) -> int:
    """How many inferred triples the store's build added (0 for a store built before inference)."""
    count = _marker(folder).get("inferred", 0)
    return count if isinstance(count, int) and count >= 0 else 0


def _progress(message: str, enabled: bool) -> None:
    if enabled:
        print(message, file=sys.stderr, flush=True)


def _fill(folder: Path, files: Sequence[Path], progress: bool) -> tuple[int, int]:
    """Load the files into a new store, then the triples they entail; the counts of both."""
    from .engines.oxigraph import OxigraphEngine

    started = time.perf_counter()
    store = ox.Store(str(folder))
    for path in files:
        _progress(f"loading {path} ({path.stat().st_size / 1e6:,.1f} MB) ...", progress)
        try:
            def bulk(fmt: RdfFormat, base: str, path: Path = path) -> None:
                store.bulk_load(path=str(path), format=fmt.oxigraph, base_iri=base)

            read_rdf(path, bulk)
        except DataError as exc:
            if str(folder) in str(exc) or "No space left" in str(exc):
                raise DataError(f"cannot write the store: {str(exc).split(': ', 1)[-1]}",
                                path=str(folder.parent)) from None
            raise
        _progress(f"  {len(store):,} triples after {time.perf_counter() - started:.1f} s", progress)
    engine = OxigraphEngine(store)
    engine.infer()
    _progress(f"  {engine.inferred:,} inferred triples after {time.perf_counter() - started:.1f} s", progress)
    try:
        store.optimize()
        store.flush()
    except OSError as exc:
        raise DataError(f"cannot write the store: {exc}", path=str(folder.parent)) from None
    return len(engine), engine.inferred


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2); False where the system cannot."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(name, use_errno=True) if name else None
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_cwd, rename_exchange = -100, 2
    return bool(renameat2(at_cwd, os.fsencode(a), at_cwd, os.fsencode(b), rename_exchange) == 0)


def _swap_in(building: Path, target: Path) -> None:
    """Put the new store at ``target``; the old one (if any) ends at ``building`` and is removed."""
    import shutil
    import tempfile

    if target.exists():
        if not _exchange(building, target):
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}{_LEFTOVER}", dir=target.parent))
            target.rename(old / "old")
            try:
                building.rename(target)
            except OSError:
                (old / "old").rename(target)
                raise
            shutil.rmtree(old, ignore_errors=True)
            return
        shutil.rmtree(building, ignore_errors=True)
    else:
        building.rename(target)


def _remove_leftovers(target: Path, keep: Path) -> None:
    """Remove folders that killed builds of the same target left behind (none still in use)."""
    import shutil

    for folder in target.parent.glob(f".{target.name}{_LEFTOVER}*"):
        if folder != keep and folder.is_dir() and not _in_use(folder):
            shutil.rmtree(folder, ignore_errors=True)


def _check_target(target: Path, replace: bool) -> None:
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise UsageError(f"{target} exists and is not a folder; choose another store folder")
    if not target.exists():
        return
    if not replace:
        raise UsageError(f"{target} already exists (ask to replace it)")
    if not is_store(target):
        raise UsageError(f"{target} is not a store this tool built (no {MARKER}); "
                         "refusing to replace it")
    if _in_use(target):
        raise UsageError(f"{target} is open for writing by another process; try again when it is closed")


def build_store(directory: str | Path, files: Sequence[str | Path], *, ontology: bool = True,
                replace: bool = False, progress: bool = True) -> Path:
    """Build an on-disk store from RDF files (after the bundled ontology) and return its folder.

    ``replace=True`` replaces an existing store this library built (never any other folder).

    >>> import tempfile
    >>> from gcsf_graph.graph import bundled_paths
    >>> build_store(tempfile.mkdtemp() + "/s", [bundled_paths()["data"]], progress=False).name
    's'
    """
    import shutil
    import tempfile

    target = Path(directory)
    paths = [Path(p) for p in files]
    if not paths:
        raise UsageError("give at least one RDF file to load")
    if ontology:
        from .graph import bundled_paths

        paths.insert(0, bundled_paths()["ontology"])
    for path in paths:  # every file readable before anything is built
        readable(path)
    _check_target(target, replace)
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}{_LEFTOVER}", dir=target.parent))
    try:
        triples, inferred = _fill(building, paths, progress)
        # Opening the store again (the build's handle is closed) folds its write-ahead log into
        # its tables, so read-only opens need not replay it.
        ox.Store(str(building)).flush()
        marker = {"kind": _KIND, "triples": triples, "inferred": inferred, "files": [str(p) for p in paths]}
        (building / MARKER).write_text(json.dumps(marker, indent=1), encoding="utf-8")
        _check_target(target, replace)  # still true after a long build
        _swap_in(building, target)
    except BaseException as exc:
        # The traceback keeps the frames that hold the open store; clear them so the store
        # closes and its folder can be removed.
        import gc
        import traceback

        for failure in (exc, exc.__context__):
            if failure is not None:
                traceback.clear_frames(failure.__traceback__)
        gc.collect()
        with contextlib.suppress(OSError):
            shutil.rmtree(building)
        raise
    _remove_leftovers(target, keep=target)
    return target


def cache_folder() -> Path | None:
    """Where built stores of the bundled graph are kept, or None when caching is off.

    ``GCSF_CACHE_DIR`` names the folder (empty: no cache); by default the user's cache folder
    (``$XDG_CACHE_HOME/gcsf-graph`` or ``~/.cache/gcsf-graph``).

    >>> import os
    >>> os.environ["GCSF_CACHE_DIR"] = ""; cache_folder() is None
    True
    """
    chosen = os.environ.get("GCSF_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    # a relative base (no home folder, or a relative XDG_CACHE_HOME, which XDG says to ignore)
    # would write into the working folder: no cache then
    return Path(base) / "gcsf-graph" if os.path.isabs(base) else None


def _content_key(root: Path, files: Sequence[Path]) -> str:
    """A digest of the files' bytes and of everything else a store's content depends on.

    The digest of files unchanged since the last call (same paths, sizes and modification
    times) is read from the cache's index instead of hashing them again.
    """
    from . import __version__
    from .inference import RULES

    versions = f"{__version__} {ox.__version__} {RULES}"
    stats = [p.stat() for p in files]
    # the change time cannot be set back by hand, as the modification time can
    seen = json.dumps([versions, [[str(p), s.st_ino, s.st_size, s.st_mtime_ns, s.st_ctime_ns]
                                  for p, s in zip(files, stats, strict=True)]])
    index = root / _INDEX
    try:
        known = json.loads(index.read_text(encoding="utf-8"))
        key = known.get(seen) if isinstance(known, dict) else None
        if isinstance(key, str) and re.fullmatch("[0-9a-f]{24}", key):
            return key
    except (OSError, ValueError):
        pass
    import hashlib

    digest = hashlib.sha256(versions.encode())
    for path in files:
        digest.update(path.read_bytes())
        digest.update(b"\0")
    key = digest.hexdigest()[:24]
    if root.is_dir() and not root.is_symlink() and not index.is_symlink():
        part = root / f".{_INDEX}.{os.getpid()}.part"
        part.unlink(missing_ok=True)  # a leftover (or anything planted there) is not written through
        with part.open("x", encoding="utf-8") as handle:
            handle.write(json.dumps({seen: key}))
        os.replace(part, index)  # the index is the cache's own file: replaced whole
    return key


def cached_store(files: Sequence[Path]) -> OxigraphEngine | None:
    """The files (ontology first) as a store opened read-only from the cache, built on first use.

    The store's folder is named by a digest of the files' contents (and of this library's and
    Oxigraph's versions), so an edited file gets a new store and the answers stay those of the
    files. Stores of other contents are removed. None when the cache is off or cannot be
    written: the caller loads the files itself.

    >>> import os, tempfile
    >>> from gcsf_graph.graph import bundled_paths
    >>> os.environ["GCSF_CACHE_DIR"] = tempfile.mkdtemp()
    >>> engine = cached_store([bundled_paths()["ontology"], bundled_paths()["data"]])
    >>> engine.query("ASK { person:xi-jinping a schema:Person }", "ASK", {}, inferred=True)
    True
    """
    root = cache_folder()
    if root is None:
        return None
    try:
        if root.is_symlink() or (root.exists() and not root.is_dir()):
            return None
        target = root / f"bundled-{_content_key(root, files)}"
        if not is_store(target):
            _build_cached(root, target, files)
        try:
            # built and counted by this library: opened without reading every table (Oxigraph
            # still checks that each one is there and whole)
            return open_store(target, verify=False)
        except DataError:  # damaged since: built again, once
            _build_cached(root, target, files, replace=True)
            return open_store(target, verify=False)
    except (OSError, DataError, UsageError):
        return None


def _build_cached(root: Path, target: Path, files: Sequence[Path], *, replace: bool = False) -> None:
    """Build the cache's store at ``target``, removing the stores of other contents."""
    import shutil

    for old in root.glob("bundled-*"):
        if old != target and old.is_dir() and not old.is_symlink() and _built_from(old) == [
                str(p) for p in files] and not _in_use(old):  # this cache's, for other contents
            shutil.rmtree(old, ignore_errors=True)
    with contextlib.suppress(UsageError):  # another process built it meanwhile
        build_store(target, files, ontology=False, replace=replace, progress=False)

