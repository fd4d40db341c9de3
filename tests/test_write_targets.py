"""Every output written only where the user named it, never over an input, all or none (issue 26).

The rows cited are those of ``shared/reviews/reliability-review.md`` (finding #4,
#5, #6 and the appendix rows S-*, L-*, T-2m) and of the analyst's review
(``analyst-review.md`` N1, misleading #1 of issue 28).
"""

from __future__ import annotations

import errno
import os
import re
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from outcomes import OutcomesError
from outcomes._cli import write_table
from outcomes._write import AtomicFile, sweep, together, write_text
from outcomes._xlsx import write_xlsx
from outcomes.cli import main
from outcomes.datasets import simulate_cases

TODAY = "2026-06-30"


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    """A small raw export (CSV), the analyst's source data."""
    path = tmp_path_factory.mktemp("export") / "export.csv"
    simulate_cases(30, seed=4, today=TODAY).to_csv(path, index=False)
    return path


@pytest.fixture
def source(export, tmp_path) -> Path:
    """A private copy of the export that a test may (wrongly) overwrite."""
    path = tmp_path / "cases.csv"
    path.write_bytes(export.read_bytes())
    return path


@pytest.fixture(scope="module")
def model() -> Path:
    """A model directory the package reads (the one of version 0.1.0 kept for the tests)."""
    return Path(__file__).parent / "data" / "model-v0.1.0" / "model"


def _refused(capsys, argv: list[str]) -> str:
    """Run the CLI; assert exit 2 and one line on stderr; return that line."""
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1, err
    return err.strip()


# --------------------------------------------------------------------------
# An output over its own input (S-clean, S-predict, S-offer; analyst N1)
# --------------------------------------------------------------------------


def test_clean_refuses_to_write_over_its_input_in_japanese(source, capsys):
    """reliability-review S-clean / analyst-review N1: ``clean x.csv -o x.csv`` replaced the
    raw export and exited 0. Refused before any work, in words an analyst reads."""
    before = source.read_bytes()
    line = _refused(capsys, ["clean", str(source), "-o", str(source), "--lang", "ja"])
    assert "入力ファイル" in line and "元のデータが失われる" in line and str(source) in line
    words = line.removeprefix("outcomes clean: ").replace(str(source), "").replace("-o", "")
    assert not re.search("[A-Za-z]", words)  # one language: no English word in the sentence
    assert source.read_bytes() == before


def test_clean_refuses_to_write_over_its_input_in_english(source, capsys):
    """The same refusal under ``--lang en``."""
    line = _refused(capsys, ["clean", str(source), "-o", str(source), "--lang", "en"])
    assert "is the input file" in line and "nothing is written" in line


@pytest.mark.parametrize("spelling", ["hard link", "other spelling", "problems"])
def test_an_input_is_recognised_however_it_is_named(source, tmp_path, capsys, spelling):
    """reliability-review #4: the same file through a hard link or another path spelling
    (``dir/../cases.csv``), and at ``--problems`` too."""
    before = source.read_bytes()
    if spelling == "hard link":
        target = tmp_path / "linked.csv"
        os.link(source, target)
        argv = ["clean", str(source), "-o", str(target)]
    elif spelling == "other spelling":
        (tmp_path / "sub").mkdir()
        argv = ["clean", str(source), "-o", str(tmp_path / "sub" / ".." / "cases.csv")]
    else:
        argv = ["clean", str(source), "--problems", str(source)]
    line = _refused(capsys, [*argv, "--lang", "en"])
    assert "is the input file" in line
    assert source.read_bytes() == before


def test_predict_refuses_to_write_over_its_input(model, tmp_path, capsys):
    """reliability-review S-predict: ``predict m y.parquet -o y.parquet`` replaced the cases."""
    cases = tmp_path / "y.parquet"
    simulate_cases(20, seed=6, messy=False, today=TODAY).to_parquet(cases)
    before = cases.read_bytes()
    line = _refused(capsys, ["predict", str(model), str(cases), "-o", str(cases), "--lang", "ja"])
    assert "入力ファイル" in line
    assert cases.read_bytes() == before


def test_offer_refuses_to_write_over_its_input(model, source, capsys):
    """reliability-review S-offer: ``offer --cases x.csv -o x.csv`` made the export an offers table."""
    before = source.read_bytes()
    argv = ["offer", "--model", str(model), "--cases", str(source), "-o", str(source)]
    line = _refused(capsys, argv)
    assert "入力ファイル" in line  # offer speaks Japanese by default
    assert source.read_bytes() == before


def test_report_refuses_before_the_notebook_runs(source, tmp_path, capsys, monkeypatch):
    """reliability-review 'late refusals' and #4: ``report -o`` its input, or a directory, is
    refused before the report is made (it ran the whole notebook first)."""
    import outcomes.report

    def no_report(*args, **kwargs):
        raise AssertionError("the report must not be made")

    monkeypatch.setattr(outcomes.report, "write_report", no_report)
    monkeypatch.setattr("outcomes._cli.report.write_report", no_report)
    line = _refused(capsys, ["report", str(source), "-o", str(source), "--lang", "en"])
    assert "is the input file" in line
    (tmp_path / "dir.html").mkdir()
    line = _refused(capsys, ["report", str(source), "-o", str(tmp_path / "dir.html")])
    assert "フォルダ" in line


def test_two_outputs_of_one_command_cannot_be_one_file(source, tmp_path, capsys):
    """analyst-review N1: ``-o same --problems same`` wrote the clean table, then the problems
    over it, and printed both. Refused; nothing written."""
    same = tmp_path / "same.csv"
    line = _refused(
        capsys, ["clean", str(source), "-o", str(same), "--problems", str(same), "--lang", "en"]
    )
    assert "is the same file as -o" in line
    assert not same.exists()


# --------------------------------------------------------------------------
# Links and special files at -o (L-symlink, L-fifo, L-chardev)
# --------------------------------------------------------------------------


def test_a_symbolic_link_at_o_is_refused(source, tmp_path, capsys):
    """reliability-review L-symlink: ``ln -s victim out.csv`` overwrote the victim."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "out.csv"
    link.symlink_to(victim)
    line = _refused(capsys, ["clean", str(source), "-o", str(link), "--lang", "en"])
    assert "is a symbolic link" in line
    assert victim.read_text() == "keep me" and link.is_symlink()


def test_a_fifo_at_o_is_refused_not_replaced(source, tmp_path, capsys):
    """reliability-review L-fifo: a FIFO at ``-o`` was replaced by a regular file."""
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    line = _refused(capsys, ["clean", str(source), "-o", str(fifo), "--lang", "en"])
    assert "is not a regular file" in line
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    # and the library's own writer refuses it too (report, PDF, any file written)
    with pytest.raises(OutcomesError, match="not a regular file"):
        write_text(fifo, "x")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_device_node_at_o_is_refused_not_replaced(source, tmp_path, capsys):
    """reliability-review L-chardev: ``mknod null.csv c 1 3`` (a copy of /dev/null, made in a
    temporary folder: never a real device) was replaced by a regular file; as root,
    ``-o /dev/null`` would have deleted the system's /dev/null."""
    node = tmp_path / "null.csv"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here ({exc})")
    line = _refused(capsys, ["clean", str(source), "--problems", str(node), "--lang", "en"])
    assert "is not a regular file" in line
    assert stat.S_ISCHR(os.lstat(node).st_mode)


# --------------------------------------------------------------------------
# All outputs or none (T-2m)
# --------------------------------------------------------------------------


def test_when_the_second_output_fails_the_first_is_not_replaced(
    source, tmp_path, capsys, monkeypatch
):
    """reliability-review #4 / T-2m: disk full on ``--problems`` left ``-o`` already replaced
    (exit 2): new cases beside old problems. Both are written first, renamed last."""
    cases, problems = tmp_path / "c.parquet", tmp_path / "p.csv"
    argv = ["clean", str(source), "-o", str(cases), "--problems", str(problems), "--lang", "en"]
    assert main([*argv, "--today", TODAY]) == 0
    capsys.readouterr()
    before = {p.name: p.read_bytes() for p in (cases, problems)}
    other = tmp_path / "other.csv"  # another export: both outputs would change
    simulate_cases(40, seed=9, today=TODAY).to_csv(other, index=False)
    original = pd.DataFrame.to_csv

    def disk_full(self, path_or_buf=None, *args, **kwargs):
        if path_or_buf is not None and ".p.csv." in str(path_or_buf):
            original(self, path_or_buf, *args, **kwargs)  # half written, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        return original(self, path_or_buf, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", disk_full)
    argv[1] = str(other)
    line = _refused(capsys, [*argv, "--today", TODAY])
    assert line.endswith(f"cannot write {problems}: disk full")
    assert {p.name: p.read_bytes() for p in (cases, problems)} == before
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["c.parquet", "cases.csv", "other.csv", "p.csv"]


def test_a_failed_rename_puts_the_first_output_back(tmp_path, monkeypatch):
    """The last step of :func:`together`: a rename that fails after another succeeded
    restores the file it replaced (hard-linked aside first)."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("old a")
    b.write_text("old b")
    real = os.replace
    calls = []

    def second_fails(src, dst):
        calls.append(dst)
        if len(calls) == 2 and Path(dst) == b:
            raise OSError(errno.EIO, "Input/output error")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", second_fails)
    with pytest.raises(OutcomesError, match=r"cannot write .*b\.txt: input/output error"):
        with together():
            write_text(a, "new a")
            write_text(b, "new b")
    assert a.read_text() == "old a" and b.read_text() == "old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


# --------------------------------------------------------------------------
# Leftovers: swept, and never in the system's temporary directory (#6)
# --------------------------------------------------------------------------


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_stale_temporaries_beside_an_output_are_swept(tmp_path):
    """reliability-review #6: 9 ``.cases.csv.*.tmp`` after 25 kills, never swept. The next
    write removes those whose writer is gone; a live writer's and a fresh one's stay."""
    target = tmp_path / "cases.csv"
    dead = tmp_path / f".cases.csv.{_dead_pid()}-abcd1234.tmp"
    legacy = tmp_path / ".cases.csv.k2j4h5g6.tmp"  # a name from before the process id
    live = tmp_path / f".cases.csv.{os.getppid()}-live0000.tmp"
    fresh = tmp_path / f".cases.csv.{_dead_pid()}-fresh000.tmp"
    mine = tmp_path / "notes.tmp"  # not the package's
    for path in (dead, legacy, live, fresh, mine):
        path.write_text("partial")
    for path in (dead, legacy, live, mine):
        os.utime(path, (0, 0))
    write_table(pd.DataFrame({"case_id": ["A1"]}), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["cases.csv", live.name, fresh.name, "notes.tmp"]
    )
    assert sweep(target) == []


def test_stale_model_directory_temporaries_are_swept_once_the_model_is_there(tmp_path):
    """reliability-review #6: one ``.model.tmp-XXXX`` (a partial model set) per kill; swept
    when the model directory exists (while it is missing, they are what is left: kept)."""
    target = tmp_path / "model"
    left = tmp_path / f".model.tmp-{_dead_pid()}-abcdefgh"
    left.mkdir()
    os.utime(left, (0, 0))
    assert sweep(target) == []  # no model directory: the leftover may be the only set
    target.mkdir()
    assert sweep(target) == [left] and not left.exists()


def test_the_xlsx_scratch_copy_is_kept_beside_the_output(tmp_path, monkeypatch):
    """reliability-review #6: openpyxl's scratch copy of the sheet (the cases) went to
    ``$TMPDIR`` and stayed there after a kill. It is now a hidden temporary beside the
    output, swept like the others."""
    from openpyxl.worksheet import _writer

    seen = []
    original = _writer.WorksheetWriter.__init__

    def record(self, ws, out=None):
        original(self, ws, out)
        seen.append(Path(self.out))

    monkeypatch.setattr(_writer.WorksheetWriter, "__init__", record)
    out = tmp_path / "out" / "cases.xlsx"
    out.parent.mkdir()
    write_xlsx(pd.DataFrame({"case_id": ["A1", "A2"]}), out)
    assert seen and all(p.parent == out.parent and p.name.startswith(".cases.xlsx.") for p in seen)
    assert sorted(p.name for p in out.parent.iterdir()) == ["cases.xlsx"]


# --------------------------------------------------------------------------
# SIGTERM like Ctrl-C; MemoryError and RecursionError as one line (#5, #6)
# --------------------------------------------------------------------------

TERMINATED_MIDWAY = textwrap.dedent(
    """
    import os, signal, sys
    import outcomes._write as w
    original = w.AtomicFile.commit
    def commit(self):
        os.kill(os.getpid(), signal.SIGTERM)  # what `timeout` sends, inside the write
        original(self)
    w.AtomicFile.commit = commit
    from outcomes.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def test_sigterm_is_handled_like_ctrl_c(source, tmp_path):
    """reliability-review #6: SIGTERM was not handled at all (no message, no clean-up).
    Now: one line, exit 143, the previous output intact, no temporary left."""
    out = tmp_path / "c.csv"
    out.write_text("previous")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            TERMINATED_MIDWAY,
            "clean",
            str(source),
            "-o",
            str(out),
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 143, proc.stderr
    assert proc.stderr.strip() == "outcomes clean: terminated (SIGTERM)"
    assert out.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv", "cases.csv"]
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # the test process is untouched


@pytest.mark.parametrize(
    ("error", "words"),
    [(MemoryError, "out of memory"), (RecursionError, "nested too deeply")],
)
def test_memory_and_recursion_errors_are_one_line(source, capsys, monkeypatch, error, words):
    """reliability-review #5: ``MemoryError`` and ``RecursionError`` escaped the CLI as a
    traceback (``_read_excel`` and ``_parse_csv`` re-raise MemoryError on purpose)."""

    def fail(*args, **kwargs):
        raise error()

    monkeypatch.setattr("outcomes._cli.clean.load_source", fail)
    line = _refused(capsys, ["clean", str(source), "--lang", "en"])
    assert line.startswith("outcomes clean: ") and words in line


def test_an_atomic_file_is_refused_at_a_directory_before_any_work(tmp_path):
    """A directory at the target is named at once (it failed only at the rename)."""
    (tmp_path / "d.csv").mkdir()
    with pytest.raises(OutcomesError, match=r"d\.csv: it is a directory$"):
        AtomicFile(tmp_path / "d.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.csv"]


def test_the_reports_working_copy_of_the_cases_stays_beside_the_report(
    source, tmp_path, monkeypatch
):
    """reliability-review #6: ``report`` copied every clean case to ``$TMPDIR`` and left it
    there after a kill or SIGTERM, with the kernel's connection files (its secret keys). The copy is now a hidden directory beside the report,
    removed when the run stops and swept after a ``kill -9``."""
    import papermill

    from outcomes.report import write_report

    seen = []

    class Stop(Exception):
        pass

    def execute(*args, cwd=None, **kwargs):
        import tempfile

        seen.append(Path(cwd))
        assert any(Path(cwd).iterdir())  # the cases are there while the notebook runs
        # the kernel's connection file (its keys) goes there too, not to $TMPDIR
        assert Path(tempfile.gettempdir()) == Path(cwd)
        raise Stop

    monkeypatch.setattr(papermill, "execute_notebook", execute)
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    with pytest.raises(Stop):
        write_report(source, out, today=TODAY)
    assert seen[0].parent == out.parent and seen[0].name.startswith(".report.html.work-")
    assert list(out.parent.iterdir()) == []  # removed when the run stopped
    killed = out.parent / f".report.html.work-{_dead_pid()}-abcdefgh"  # after a kill -9
    killed.mkdir()
    (killed / "cases.parquet").write_bytes(b"PAR1")
    os.utime(killed, (0, 0))
    assert sweep(out) == [killed] and not killed.exists()


def test_a_text_too_long_for_an_excel_cell_is_refused_not_cut(tmp_path, source, capsys):
    """reliability-review 'silent truncation' (H02x): a text over 32,767 characters was cut in
    every .xlsx without a word. Refused in one line naming the column; .parquet keeps it."""
    frame = pd.DataFrame({"case_id": ["A-1", "A-2"], "creditor": ["x", "長" * 40_000]})
    out = tmp_path / "long.xlsx"
    with pytest.raises(OutcomesError, match=r"40,000 characters in column creditor \(row 3"):
        write_table(frame, out)
    assert not out.exists()
    write_table(frame, tmp_path / "long.parquet")
    assert pd.read_parquet(tmp_path / "long.parquet")["creditor"].str.len().max() == 40_000


def test_control_characters_from_the_data_never_reach_the_terminal(capsys, monkeypatch):
    """reliability-review F-stdout ('terminal injection'): ``offer --case`` printed a servicer
    holding ``ESC]0;pwned BEL ESC[2J`` raw (the terminal's title changed, the screen cleared).
    Every line the CLI prints, on stdout and stderr, shows such characters as visible escapes (here a
    command that prints the servicer, as the offer page does, and fails naming it)."""
    servicer = "\x1b]0;pwned\x07\x1b[2J債権回収\x9b"

    def page(args):
        print(f"サービサー: {servicer}\n\t次の行")
        raise OutcomesError(f"unknown servicer {servicer}")

    monkeypatch.setattr("outcomes._cli.clean.run", page)
    code = main(["clean", "x.csv"])
    captured = capsys.readouterr()
    assert code == 2
    for text in (captured.out, captured.err):
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text), text
        assert "\\x1b]0;pwned\\x07\\x1b[2J債権回収\\x9b" in text  # named, harmless
    assert "\n\t次の行" in captured.out  # newlines and tabs stay


def test_a_ctrl_c_that_compiled_code_turned_into_another_error_is_still_an_interruption(
    source, capsys, monkeypatch
):
    """reliability-review K-fit-SIGINT-msg: 1 of 8 SIGINTs during ``fit`` surfaced as exit 2
    "'T{=d:sum_gradients…}' is not a valid PEP 3118 buffer format string" (a KeyboardInterrupt
    swallowed inside the boosting code). The signal is noted: 'interrupted', exit 130."""

    def boosting(*args, **kwargs):
        try:
            os.kill(os.getpid(), signal.SIGINT)
            import time

            time.sleep(1)
        except KeyboardInterrupt:
            raise ValueError(
                "'T{=d:sum_gradients:d:sum_hessians:@I:count:}' is not a valid "
                "PEP 3118 buffer format string"
            ) from None

    monkeypatch.setattr("outcomes._cli.clean.load_source", boosting)
    code = main(["clean", str(source), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 130 and err.strip() == "outcomes clean: interrupted", err


def test_a_model_directory_that_is_a_symbolic_link_is_refused(tmp_path):
    """reliability-review #4 (symlink at ``-o``), for ``fit -o``: the link is not swapped for
    a directory, and the directory it points to is left as it was."""
    from outcomes._write import atomic_dir

    real = tmp_path / "shared-model"
    real.mkdir()
    (real / "metadata.json").write_text("{}")
    link = tmp_path / "model"
    link.symlink_to(real, target_is_directory=True)
    with pytest.raises(OutcomesError, match=r"model: it is a symbolic link"):
        with atomic_dir(link) as new:
            (new / "metadata.json").write_text('{"new": 1}')
    assert link.is_symlink() and (real / "metadata.json").read_text() == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model", "shared-model"]
