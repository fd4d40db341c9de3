"""Writing files so that nothing is lost and nothing is executed.

Every file the package writes goes through this module.

**Atomic files.** A file is written to a temporary file beside its target
(``.NAME.PID-XXXXXXXX.tmp`` in the same directory), flushed to disk (fsync) and
renamed over the target with :func:`os.replace`. A reader sees the old file
or the new one, never a part of one; when the write fails (disk full, a
file-size limit, no permission, an error of the writer) the temporary file is
removed and the old file is left as it was. Scratch files of a writer
(openpyxl's copy of a sheet) are kept beside the target too, never in the
system's temporary directory.

**Only where the user named it.** A target that is a symbolic link is
refused (writing through it would replace the file it points to: the classic
attack in a shared directory), and so is one that is not a regular file (a
FIFO, a device node, a socket: ``-o /dev/null`` run as root must not replace
the system's ``/dev/null``).

**All outputs or none.** Inside :func:`together`, every file is written and
flushed first and renamed last, all at once; when one fails, none replaces
its target (those already renamed are put back).

**Stale temporaries swept.** A temporary file or directory this package left
beside a target (a process killed with ``kill -9``) is removed by the next
write of that target, once its writer no longer runs and it has not changed
for a minute (:func:`sweep`).

**Atomic directories.** A directory (a model directory) is written whole into
a temporary sibling ``.NAME.tmp-XXXXXXXX`` and swapped in: the old directory
is renamed aside (``.NAME.old-XXXXXXXX``), the new one renamed into place,
the old one removed. Until the second rename the old directory is complete
under one of its two names; a crash between the two renames leaves both sets
complete beside the (missing) target, never a mix (:func:`leftovers` finds
them). Entries of the old directory that the writer does not own (a note the
analyst put there) are linked or copied into the new one.

**Errors.** An :class:`OSError` while writing becomes one line naming the
path and the reason (:func:`write_error`): ``cannot write out/cases.parquet:
disk full``.

**Formula injection.** Text cells are written as text, never as formulas:
string cells in .xlsx (:func:`outcomes._xlsx.write_xlsx`), a leading ``'`` in the text
columns of .csv (:mod:`outcomes._formulas`, whose names this module
re-exports).

This module imports only the standard library, :mod:`outcomes._errors` and,
lazily, pandas and openpyxl (``models/`` uses it too).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import shutil
import stat
import tempfile
import time
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from pathlib import Path
from typing import IO, Any

from outcomes._errors import OutcomesError
from outcomes._formulas import (
    FORMULA_CHARACTERS,
    neutralise_columns,
    neutralise_text,
    restore_columns,
    restore_text,
)

__all__ = [
    "FORMULA_CHARACTERS",
    "AtomicFile",
    "atomic_dir",
    "atomic_open",
    "atomic_path",
    "check_hashes",
    "check_target",
    "file_sha256",
    "leftovers",
    "neutralise_columns",
    "neutralise_text",
    "os_error_reason",
    "restore_columns",
    "restore_text",
    "sweep",
    "together",
    "work_prefix",
    "write_bytes",
    "write_error",
    "write_text",
]


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------

_REASONS: dict[int, str] = {
    errno.ENOSPC: "disk full",
    errno.EFBIG: "file too large",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "read-only file system",
    errno.EISDIR: "it is a directory",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.ENAMETOOLONG: "file name too long",
    errno.EIO: "input/output error",
}
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = "disk quota exceeded"
_ERRNO_IN_TEXT = re.compile(r"\[errno (\d+)\]", re.IGNORECASE)


def os_error_reason(exc: BaseException) -> str:
    """A short reason for a failed write: ``disk full``, ``permission denied``, ``file too large``.

    The error number is taken from the exception, or from its text where a
    library (pyarrow) only writes it there.

    Examples
    --------
    >>> import errno
    >>> os_error_reason(OSError(errno.ENOSPC, "No space left on device"))
    'disk full'
    >>> os_error_reason(OSError("Error writing bytes to file. Detail: [errno 27] File too large"))
    'file too large'
    >>> os_error_reason(OSError(errno.ENOENT, "No such file or directory"))
    'no such file or directory'
    """
    number = getattr(exc, "errno", None)
    if not isinstance(number, int):
        found = _ERRNO_IN_TEXT.search(str(exc))
        number = int(found.group(1)) if found else None
    if number in _REASONS:
        return _REASONS[number]  # type: ignore[index]
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    text = " / ".join(part.strip() for part in str(text).splitlines() if part.strip())
    return text[:1].lower() + text[1:]


def write_error(path: str | os.PathLike[str], exc: BaseException) -> OutcomesError:
    """The one-line error of a failed write: ``cannot write PATH: REASON``.

    Examples
    --------
    >>> import errno
    >>> str(write_error("out/cases.parquet", OSError(errno.EFBIG, "File too large")))
    'cannot write out/cases.parquet: file too large'
    """
    return OutcomesError(f"cannot write {os.fspath(path)}: {os_error_reason(exc)}")


# --------------------------------------------------------------------------
# Atomic files
# --------------------------------------------------------------------------


def _umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux)."""
    with suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(target: Path, *, directory: bool = False) -> int:
    """The mode a new file gets: the old target's, else what ``open`` would give."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return (0o777 if directory else 0o666) & ~_umask()


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDWR)
    except PermissionError:  # a read-only file: POSIX syncs it through a read-only handle
        fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (POSIX; a no-op where directories cannot be opened)."""
    if os.name == "nt":  # pragma: no cover - Windows
        return
    with suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def check_target(path: str | os.PathLike[str]) -> None:
    """Refuse a target that is a symbolic link, a directory or not a regular file.

    Raises
    ------
    OutcomesError
        ``cannot write PATH: it is a symbolic link …`` and the like, one line.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "link.csv").symlink_to(root / "victim.csv")
    >>> check_target(root / "new.csv")
    >>> check_target(root / "link.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    outcomes._errors.OutcomesError: cannot write ...link.csv: it is a symbolic link (writing through it would replace the file it points to); name a regular file
    """
    name = os.fspath(path)
    try:
        mode = os.lstat(path).st_mode
    except OSError:  # missing (the usual case), or the writer says why
        return
    if stat.S_ISLNK(mode):
        raise OutcomesError(
            f"cannot write {name}: it is a symbolic link (writing through it would replace "
            "the file it points to); name a regular file"
        )
    if stat.S_ISDIR(mode):
        raise write_error(name, IsADirectoryError(errno.EISDIR, "Is a directory"))
    if not stat.S_ISREG(mode):
        raise OutcomesError(
            f"cannot write {name}: it is not a regular file (a FIFO, a device or a socket)"
        )


# --------------------------------------------------------------------------
# Stale temporaries
# --------------------------------------------------------------------------

#: a temporary file or directory older than this (seconds, unchanged) whose writer is gone is swept
STALE_SECONDS = 60.0
#: the process id in a temporary's name: ``.NAME.PID-XXXXXXXX.tmp``, ``.NAME.tmp-PID-XXXXXXXX``
_OWN_TEMP = re.compile(r"\.(?:(?:tmp|old|work)-)?(\d+)-[0-9a-z_]+(?:\.tmp)?$")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # another user's process, or no way to tell: keep its files
    return True


def _stale(entry: Path, now: float) -> bool:
    """Whether ``entry`` is a temporary of a writer that is gone."""
    try:
        if now - entry.lstat().st_mtime < STALE_SECONDS:
            return False
    except OSError:
        return False
    found = _OWN_TEMP.search(entry.name)
    if found is None:  # an older version's name (no process id): old enough is enough
        return True
    return not _alive(int(found.group(1)))


def sweep(path: str | os.PathLike[str]) -> list[Path]:
    """Remove the stale temporaries this package left beside ``path``; return them.

    Files ``.NAME.*.tmp`` (an interrupted file write or its scratch),
    working directories ``.NAME.work-*`` (the report's copy of the cases), and,
    when ``path`` itself exists, directories ``.NAME.tmp-*`` / ``.NAME.old-*``
    (an interrupted model directory write; while ``path`` is missing they are
    kept, since one of them may be the only whole set, see :func:`leftovers`).
    Only those whose writer no longer runs and that have not changed for
    :data:`STALE_SECONDS`; nothing else is touched.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> left = root / ".cases.csv.999999999-abcd1234.tmp"
    >>> _ = left.write_text("partial"); os.utime(left, (0, 0))
    >>> [p.name for p in sweep(root / "cases.csv")], left.exists()
    (['.cases.csv.999999999-abcd1234.tmp'], False)
    """
    target = Path(path)
    now = time.time()
    removed: list[Path] = []
    prefix = f".{target.name}."
    try:
        entries = list(target.parent.glob(f".{glob_escape(target.name)}.*"))
    except OSError:
        return removed
    target_exists = os.path.lexists(target)
    for entry in entries:
        try:
            is_dir = entry.is_dir() and not entry.is_symlink()
        except OSError:
            continue
        if is_dir:
            rest = entry.name[len(prefix) :]
            # a writer's working directory goes whenever its writer is gone; a model set
            # only once the target is there (while it is missing, it may be the only one)
            model_set = rest.startswith(("tmp-", "old-"))
            if not rest.startswith("work-") and not (model_set and target_exists):
                continue
            if _stale(entry, now):
                shutil.rmtree(entry, ignore_errors=True)
                removed.append(entry)
        elif entry.name.endswith(".tmp") and _stale(entry, now):
            with suppress(OSError):
                entry.unlink()
                removed.append(entry)
    return removed


def glob_escape(name: str) -> str:
    """``name`` with the characters glob reads as patterns escaped.

    >>> glob_escape("cases[1].csv")
    'cases[[]1].csv'
    """
    return re.sub(r"([*?\[])", r"[\1]", name)


def _temp_prefix(target: Path) -> str:
    return f".{target.name}.{os.getpid()}-"


def work_prefix(target: str | os.PathLike[str]) -> str:
    """The name prefix of a writer's hidden working directory beside ``target``.

    ``.NAME.work-PID-``: :func:`sweep` removes it once its process is gone.

    >>> work_prefix("out/report.html").startswith(".report.html.work-")
    True
    """
    return f".{Path(target).name}.work-{os.getpid()}-"


# --------------------------------------------------------------------------
# All outputs or none
# --------------------------------------------------------------------------

#: the files written inside :func:`together`, renamed when it ends
_PENDING: ContextVar[list[AtomicFile] | None] = ContextVar("outcomes_pending", default=None)


@contextmanager
def together() -> Iterator[None]:
    """Write every file inside the block first, rename them all at its end: all or none.

    A file committed inside the block is flushed to disk but not yet renamed;
    when the block ends, every target is replaced at once. When the block
    fails (a second output cannot be written), no target is replaced; when
    a rename fails, the targets already replaced get their old files back.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("old a")
    >>> try:
    ...     with together():
    ...         _ = write_text(root / "a.txt", "new a")
    ...         raise OSError(28, "No space left on device")  # the second output fails
    ... except OSError:
    ...     pass
    >>> (root / "a.txt").read_text(), sorted(p.name for p in root.iterdir())
    ('old a', ['a.txt'])
    """
    pending: list[AtomicFile] = []
    token = _PENDING.set(pending)
    try:
        yield
    except BaseException:
        for file in pending:
            file.abort()
        raise
    finally:
        _PENDING.reset(token)
    _replace_all(pending)


def _replace_all(files: list[AtomicFile]) -> None:
    """Rename every staged file over its target; on a failure put the old targets back."""
    backups: list[Path | None] = []
    done: list[AtomicFile] = []
    try:
        for file in files:
            backup = None
            if file.target.exists():
                candidate = (
                    file.target.parent / f"{_temp_prefix(file.target)}{secrets.token_hex(4)}.tmp"
                )
                try:
                    os.link(file.target, candidate)
                    backup = candidate
                except OSError:
                    backup = None
            backups.append(backup)
            os.replace(file.path, file.target)
            file.closed = True
            done.append(file)
    except OSError as exc:
        failed = files[len(done)]
        for file, backup in zip(done, backups, strict=False):
            with suppress(OSError):
                if backup is not None:
                    os.replace(backup, file.target)
                else:
                    file.target.unlink()
        for file in files[len(done) :]:
            file.abort()
        for backup in backups[len(done) :]:
            if backup is not None:
                with suppress(OSError):
                    backup.unlink()
        raise write_error(failed.name, exc) from None
    for backup in backups:
        if backup is not None:
            with suppress(OSError):
                backup.unlink()
    for parent in {file.target.parent for file in files}:
        _fsync_dir(parent)


class AtomicFile:
    """A temporary file beside ``path`` that replaces it on :meth:`commit`.

    Write to :attr:`path` (any writer that takes a file name), then call
    :meth:`commit`; on failure call :meth:`abort` (the old file is kept).
    :func:`atomic_path` wraps both.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = target.write_text("old")
    >>> file = AtomicFile(target)
    >>> _ = file.path.write_text("new")
    >>> target.read_text()
    'old'
    >>> file.commit()
    >>> target.read_text(), file.path.exists()
    ('new', False)
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.name = os.fspath(path)
        self.target = Path(path)
        check_target(self.target)
        sweep(self.target)
        self.path = scratch_file(self.target, self.name)
        self.closed = False
        self.staged = False

    def commit(self) -> None:
        """Flush the temporary file to disk and rename it over the target.

        Inside :func:`together` the rename waits for the end of the block.
        """
        if self.closed or self.staged:
            raise OutcomesError(f"cannot write {self.name}: already committed or aborted")
        try:
            _fsync(self.path)
            os.chmod(self.path, _mode_for(self.target))
        except OSError as exc:
            self.abort()
            raise write_error(self.name, exc) from None
        except BaseException:  # Ctrl-C or SIGTERM inside the commit: the temp goes too
            self.abort()
            raise
        pending = _PENDING.get()
        if pending is not None:
            self.staged = True
            pending.append(self)
            return
        try:
            os.replace(self.path, self.target)
        except OSError as exc:
            self.abort()
            raise write_error(self.name, exc) from None
        self.closed = True
        _fsync_dir(self.target.parent)

    def abort(self) -> None:
        """Remove the temporary file; the target is left as it was."""
        if not self.closed:
            self.closed = True
            with suppress(OSError):
                self.path.unlink()


def scratch_file(target: Path, name: str | None = None) -> Path:
    """A new empty hidden file beside ``target`` (``.NAME.PID-XXXXXXXX.tmp``), for a writer's work.

    :func:`sweep` removes it once its process is gone.
    """
    try:
        fd, temp = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise write_error(name or os.fspath(target), exc) from None
    os.close(fd)
    return Path(temp)


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path``.

    An :class:`OSError` inside the block becomes :func:`write_error`'s one
    line; any error removes the temporary file and keeps the old ``path``.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "a.txt"
    >>> with atomic_path(target) as temp:
    ...     _ = temp.write_text("new")
    >>> target.read_text()
    'new'
    """
    file = AtomicFile(path)
    try:
        yield file.path
    except OSError as exc:
        file.abort()
        raise write_error(file.name, exc) from None
    except BaseException:
        file.abort()
        raise
    try:
        file.commit()
    except BaseException:  # interrupted on the way in: nothing is left behind
        file.abort()
        raise


@contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path`` (``mode`` ``"w"`` or ``"wb"``); replace ``path`` on success."""
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_open writes a new file (mode 'w' or 'wb'), not {mode!r}")
    with atomic_path(path) as temp, open(temp, mode, **kwargs) as handle:
        yield handle


def write_text(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically; return the path."""
    with atomic_open(path, "w", encoding=encoding, newline="") as handle:
        handle.write(text)
    return Path(path)


def write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; return the path."""
    with atomic_open(path, "wb") as handle:
        handle.write(data)
    return Path(path)


# --------------------------------------------------------------------------
# Atomic directories
# --------------------------------------------------------------------------


def leftovers(path: str | os.PathLike[str]) -> list[Path]:
    """Sets an interrupted :func:`atomic_dir` left beside ``path`` (``.NAME.tmp-*``, ``.NAME.old-*``).

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / ".model.old-1234abcd").mkdir()
    >>> [p.name for p in leftovers(root / "model")]
    ['.model.old-1234abcd']
    """
    target = Path(path)
    found: list[Path] = []
    with suppress(OSError):
        for kind in ("old", "tmp"):
            found += sorted(p for p in target.parent.glob(f".{target.name}.{kind}-*") if p.is_dir())
    return found


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


def _carry_over(old: Path, new: Path, own: Collection[str]) -> None:
    """Link (or copy) the entries of ``old`` the writer does not own into ``new``."""
    for entry in old.iterdir():
        if entry.name in own or (new / entry.name).exists():
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, new / entry.name, symlinks=True, copy_function=_link_or_copy)
        elif entry.is_symlink():
            os.symlink(os.readlink(entry), new / entry.name)
        else:
            _link_or_copy(str(entry), str(new / entry.name))


def _sync_tree(directory: Path) -> None:
    for root, _dirs, files in os.walk(directory):
        for name in files:
            file = Path(root) / name
            if not file.is_symlink():
                _fsync(file)
        _fsync_dir(Path(root))


def _swap(new: Path, target: Path) -> None:
    """Put the directory ``new`` at ``target``; an old ``target`` is removed once ``new`` is in."""
    if not os.path.lexists(target):
        os.rename(new, target)
    else:
        aside = target.parent / f".{target.name}.old-{os.getpid()}-{secrets.token_hex(4)}"
        os.rename(target, aside)
        try:
            os.rename(new, target)
        except BaseException:
            os.rename(aside, target)
            raise
        shutil.rmtree(aside, ignore_errors=True)
    _fsync_dir(target.parent)


@contextmanager
def atomic_dir(path: str | os.PathLike[str], *, own: Collection[str] = ()) -> Iterator[Path]:
    """Yield a new empty directory beside ``path``; on success it replaces ``path`` whole.

    Parameters
    ----------
    path : str or path-like
        The directory to write. Its parent is created if needed.
    own : collection of str
        Names of the entries the writer writes. Every other entry of an
        existing ``path`` is linked (or copied) into the new directory before
        the swap, so nothing of the analyst's is lost.

    Raises
    ------
    OutcomesError
        One line naming ``path`` when it cannot be written (an
        :class:`OSError` inside the block or during the swap). The new
        directory is removed; the old one is left as it was.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "model"
    >>> target.mkdir(); _ = (target / "a.json").write_text("old"); _ = (target / "note.txt").write_text("mine")
    >>> with atomic_dir(target, own={"a.json"}) as new:
    ...     _ = (new / "a.json").write_text("new")
    >>> sorted(p.name for p in target.iterdir()), (target / "a.json").read_text()
    (['a.json', 'note.txt'], 'new')
    >>> leftovers(target)
    []
    """
    name = os.fspath(path)
    target = Path(path)
    if target.is_symlink():
        raise OutcomesError(
            f"cannot write {name}: it is a symbolic link (the directory it points to would be "
            "replaced); name a directory"
        )
    if target.exists() and not target.is_dir():
        raise OutcomesError(f"{name} exists and is not a directory")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        sweep(target)
        new = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-{os.getpid()}-", dir=target.parent))
    except OSError as exc:
        raise write_error(name, exc) from None
    try:
        os.chmod(new, _mode_for(target, directory=True))
        yield new
        _sync_tree(new)  # what was written; what is carried over below is on disk already
        if target.is_dir():
            _carry_over(target, new, own)
            _fsync_dir(new)
        _swap(new, target)
    except OSError as exc:
        shutil.rmtree(new, ignore_errors=True)
        raise write_error(name, exc) from None
    except OutcomesError as exc:
        shutil.rmtree(new, ignore_errors=True)
        # a file's own atomic write failed inside the new directory: name it where it belongs
        raise OutcomesError(str(exc).replace(str(new), name)) from None
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The sha256 of a file's bytes (hex), read a megabyte at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _plain_name(name: object) -> bool:
    """Whether ``name`` is a file name in a directory: no separator, not ``.``/``..``."""
    return (
        isinstance(name, str)
        and name not in ("", ".", "..")
        and "/" not in name
        and "\\" not in name
        and "\x00" not in name
    )


def check_hashes(directory: str | os.PathLike[str], hashes: Mapping[str, str]) -> None:
    """Refuse a directory whose files differ from the sha256 ``hashes`` recorded for them.

    Raises
    ------
    OutcomesError
        One line naming the first file that is missing or differs, or a name
        that is not a plain file name of the directory (``../../etc/hostname``
        is refused before anything outside is opened).
    """
    root = Path(directory)
    for name in hashes:
        if not _plain_name(name):  # ../../etc/hostname: nothing outside the directory is opened
            raise OutcomesError(
                f"{root / 'metadata.json'} lists {name!r}, which is not a file of the directory; "
                "refusing it"
            )
    for name, expected in hashes.items():
        file = root / name
        if not file.is_file():
            raise OutcomesError(f"{root} lacks {name}, which its metadata.json lists")
        try:
            actual = file_sha256(file)
        except OSError as exc:
            raise OutcomesError(f"cannot read {file}: {os_error_reason(exc)}") from None
        if actual != expected:
            raise OutcomesError(
                f"{file} is not the file its metadata.json records (sha256 differs): the "
                "directory mixes files of different fits or was changed; run `outcomes fit` again"
            )
