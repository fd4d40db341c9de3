"""Where a command may write: only where the user named it, never over an input (issue 26).

Before any work, every output a command was given (``-o``, ``--problems``,
the PDF beside a report) is checked against its inputs and against the other
outputs, and refused in one line, in the run's language, when

- it is an input file (the same file, also through a symbolic link, a hard
  link or another spelling of its path: ``clean x.csv -o x.csv`` would
  replace the export with the clean table);
- it is another output of the same command (``-o same.csv --problems same.csv``);
- it is a symbolic link, a directory, or not a regular file (a FIFO, a device).

The sentences are a catalogue ``{code: (ja, en)}`` (:data:`OUTPUT_MESSAGES`)
rendered by :func:`outcomes._messages.render`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence

from outcomes._errors import OutcomesError
from outcomes._messages import Message, render

__all__ = ["OUTPUT_MESSAGES", "check_outputs", "command_inputs", "output_refusal", "run_language"]

#: {code: (Japanese, English)}: why an output is refused before any work
OUTPUT_MESSAGES: dict[str, tuple[str, str]] = {
    "output.is_input": (
        "{option} {path} は入力ファイル {input} と同じファイルです。書き込むと元のデータが"
        "失われるため、何も書きません。出力には別のファイル名を指定してください",
        "{option} {path} is the input file {input}: writing it would replace the source data, "
        "so nothing is written; give the output another file name",
    ),
    "output.twice": (
        "{option} {path} は {other} と同じファイルです。一方の出力がもう一方を上書きするため、"
        "何も書きません。出力ごとに別のファイル名を指定してください",
        "{option} {path} is the same file as {other}: one output would overwrite the other, "
        "so nothing is written; give each output its own file name",
    ),
    "output.symlink": (
        "{option} {path} はシンボリックリンクです。リンク先のファイルを置き換えてしまうため、"
        "何も書きません。リンクではないファイル名を指定してください",
        "{option} {path} is a symbolic link: writing through it would replace the file it "
        "points to, so nothing is written; name a regular file",
    ),
    "output.special": (
        "{option} {path} は通常のファイルではありません(FIFO・デバイスなど)。何も書きません",
        "{option} {path} is not a regular file (a FIFO, a device or a socket): nothing is written",
    ),
    "output.directory": (
        "{option} {path} はフォルダです。何も書きません。ファイル名を指定してください",
        "{option} {path} is a directory: nothing is written; name a file",
    ),
}


def output_refusal(code: str, language: str, **fields: object) -> OutcomesError:
    """The one-line refusal ``code`` in ``language``, as an error to raise.

    Examples
    --------
    >>> str(output_refusal("output.twice", "en", option="--problems", path="a.csv", other="-o a.csv"))
    '--problems a.csv is the same file as -o a.csv: one output would overwrite the other, so nothing is written; give each output its own file name'
    """
    return OutcomesError(render(Message(code, fields), language, OUTPUT_MESSAGES))


def _same(a: str, b: str) -> bool:
    """Whether two paths name one file: ``samefile`` when both exist, else the same real path."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _is_file_input(source: object) -> bool:
    return isinstance(source, str | os.PathLike) and "://" not in str(source)


def check_outputs(
    outputs: Sequence[tuple[str, str | os.PathLike[str] | None]],
    inputs: Iterable[str | os.PathLike[str] | None],
    language: str = "ja",
) -> None:
    """Refuse, before the work, an output that is an input, another output, or no regular file.

    Parameters
    ----------
    outputs : sequence of (option, path)
        The outputs as the user named them (``("-o", "cases.parquet")``); a
        ``None`` path (an option not given) is skipped.
    inputs : iterable of path
        The command's input files (URLs and ``None`` are skipped).
    language : {"ja", "en"}
        The language of the refusal.

    Raises
    ------
    OutcomesError
        One line from :data:`OUTPUT_MESSAGES`.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = (root / "x.csv").write_text("案件番号\\nA-1\\n")
    >>> check_outputs([("-o", root / "y.parquet")], [root / "x.csv"])
    >>> check_outputs([("-o", root / "x.csv")], [root / "x.csv"], "en")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    outcomes._errors.OutcomesError: -o .../x.csv is the input file .../x.csv: writing it would replace the source data, so nothing is written; give the output another file name
    """
    named = [(option, os.fspath(path)) for option, path in outputs if path is not None]
    files = [os.fspath(p) for p in inputs if p is not None and _is_file_input(p)]
    for i, (option, path) in enumerate(named):
        try:
            mode: int | None = os.lstat(path).st_mode
        except OSError:
            mode = None
        fields = {"option": option, "path": path}
        if mode is not None and stat.S_ISLNK(mode):
            raise output_refusal("output.symlink", language, **fields)
        if mode is not None and stat.S_ISDIR(mode):
            raise output_refusal("output.directory", language, **fields)
        if mode is not None and not stat.S_ISREG(mode):
            raise output_refusal("output.special", language, **fields)
        for source in files:
            if _same(path, source):
                raise output_refusal("output.is_input", language, **fields, input=source)
        for other_option, other in named[:i]:
            if _same(path, other):
                other_named = f"{other_option} {other}"
                raise output_refusal("output.twice", language, **fields, other=other_named)


def command_inputs(*paths: object) -> list[str]:
    """The input files of a command: ``paths`` given (None skipped) and ``OUTCOMES_SERVICERS``'s."""
    out = [os.fspath(p) for p in paths if isinstance(p, str | os.PathLike)]
    env = os.environ.get("OUTCOMES_SERVICERS", "").strip()
    out += [part for part in env.split(os.pathsep) if part.strip()]
    return out


def run_language(args: object, default: str = "ja") -> str:
    """The language of a run: ``--lang`` under either of its names, else ``default``."""
    for name in ("lang", "language"):
        value = getattr(args, name, None)
        if value in ("ja", "en"):
            return value
    return default
