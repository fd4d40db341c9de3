"""SQL sources → a frame, read only: the database cannot be changed through ``--query`` (issue 26).

A tool that reads cases must not be able to write the firm's database, however
its ``--query`` is written. Four locks, each enough on its own for the common
case:

1. **One statement that is a query.** :func:`single_query` refuses SQL that is
   not exactly one ``SELECT`` / ``WITH`` / ``VALUES`` / ``TABLE`` statement
   (``SELECT …; COMMIT; DROP TABLE …`` is refused before the database is
   opened). Strings, quoted names and comments are skipped under every
   quoting rule the engines use (with and without backslash escapes, ``[…]``
   names, ``$tag$`` strings), and the query is refused if any reading finds
   a second statement.
2. **A read-only connection.** SQLite is opened with ``mode=ro`` (also when
   the URL is a ``file:`` URI asking ``mode=rwc``: a missing database is
   refused, never created), ``PRAGMA query_only``, and an authorizer that
   refuses ``ATTACH``/``DETACH``, writes, and pragmas that set a value. PostgreSQL
   sessions start with ``default_transaction_read_only=on`` and each
   transaction is ``READ ONLY``.
3. **Always rolled back.** Nothing the connection did is committed.
4. **A statement timeout** (:data:`SQL_TIMEOUT_SECONDS`, or the environment
   variable ``OUTCOMES_SQL_TIMEOUT``): a never-ending recursive query is
   stopped and refused in one line.

Other engines (MySQL, …) get locks 1 and 3 only.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd

from outcomes._cleaning.grid import short_reason
from outcomes._errors import ReadError

__all__ = ["SQL_TIMEOUT_SECONDS", "mask_url", "query_database", "single_query"]

#: seconds a query may run before it is stopped (``OUTCOMES_SQL_TIMEOUT`` overrides)
SQL_TIMEOUT_SECONDS = 600.0
_QUERY_WORDS = ("select", "with", "values", "table")
#: SQLite pragmas that take an argument and only describe (what reflection uses)
_READ_PRAGMAS = frozenset(
    {"table_info", "table_xinfo", "index_list", "index_info", "index_xinfo", "foreign_key_list"}
)


def mask_url(url: str) -> str:
    """Hide the password of a database URL.

    Examples
    --------
    >>> mask_url("postgresql+psycopg://ana:s3cret@db.example/cases")
    'postgresql+psycopg://ana:***@db.example/cases'
    >>> mask_url("sqlite:///cases.db")
    'sqlite:///cases.db'
    """
    import sqlalchemy as sa

    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL: mask by hand
        return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", url)


def timeout_seconds() -> float:
    """The statement timeout: ``OUTCOMES_SQL_TIMEOUT`` when set to a positive number, else the default."""
    try:
        value = float(os.environ.get("OUTCOMES_SQL_TIMEOUT", ""))
    except ValueError:
        return SQL_TIMEOUT_SECONDS
    return value if value > 0 else SQL_TIMEOUT_SECONDS


# --------------------------------------------------------------------------
# One statement that is a query
# --------------------------------------------------------------------------


def _code(sql: str, *, backslash: bool, brackets: bool, dollar: bool) -> str:
    """``sql`` with its strings, quoted names and comments replaced by a space.

    An unterminated string or comment runs to the end (as the engines read it).
    """
    out: list[str] = []
    i, n = 0, len(sql)
    closers = {"'": "'", '"': '"', "`": "`"}
    if brackets:
        closers["["] = "]"
    while i < n:
        c = sql[i]
        if sql.startswith("--", i):
            end = sql.find("\n", i)
            i = n if end < 0 else end
            out.append(" ")
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            i = n if end < 0 else end + 2
            out.append(" ")
        elif dollar and c == "$" and (m := re.match(r"\$([A-Za-z_][A-Za-z_0-9]*)?\$", sql[i:])):
            tag = m.group(0)
            end = sql.find(tag, i + len(tag))
            i = n if end < 0 else end + len(tag)
            out.append(" ")
        elif c in closers:
            close = closers[c]
            j = i + 1
            while j < n:
                if backslash and sql[j] == "\\":
                    j += 2
                    continue
                if sql[j] == close:
                    if close != "]" and sql.startswith(close * 2, j):  # '' inside a string
                        j += 2
                        continue
                    break
                j += 1
            i = j + 1
            out.append(" ")
        else:
            out.append(c)
            i += 1
    return "".join(out)


def single_query(sql: str, source: str = "the query") -> str:
    """``sql`` (stripped) when it is one statement that reads; else a ReadError.

    Examples
    --------
    >>> single_query("SELECT * FROM cases; -- all of them")
    'SELECT * FROM cases; -- all of them'
    >>> single_query("WITH a AS (SELECT 1 AS x) SELECT x FROM a")
    'WITH a AS (SELECT 1 AS x) SELECT x FROM a'
    >>> single_query("SELECT * FROM cases; COMMIT; DROP TABLE keep")
    Traceback (most recent call last):
    ...
    outcomes._errors.ReadError: cannot read the query: --query must be one SQL statement that reads (SELECT or WITH), not several
    >>> single_query("DROP TABLE keep")
    Traceback (most recent call last):
    ...
    outcomes._errors.ReadError: cannot read the query: --query must be a statement that reads (SELECT or WITH), not DROP
    """
    readings = [
        _code(sql, backslash=b, brackets=k, dollar=d)
        for b in (False, True)
        for k in (False, True)
        for d in (False, True)
    ]
    for code in readings:
        body = code.strip().rstrip(";").rstrip()
        if ";" in body:
            raise ReadError(
                source, "--query must be one SQL statement that reads (SELECT or WITH), not several"
            )
        first = re.match(r"[\s(]*([A-Za-z_]+)", body)
        word = first.group(1).lower() if first else ""
        if word not in _QUERY_WORDS:
            shown = word.upper() or "nothing"
            raise ReadError(
                source, f"--query must be a statement that reads (SELECT or WITH), not {shown}"
            )
    return sql.strip()


# --------------------------------------------------------------------------
# Read-only connections
# --------------------------------------------------------------------------


def _sqlite_path(database: str, source: str) -> str | None:
    """The file of an SQLite URL's database (``file:`` URIs too), None for an in-memory one."""
    if database in ("", ":memory:"):
        return None
    if database.startswith("file:"):
        name = database[len("file:") :].split("?", 1)[0]
        if name.startswith("//"):  # file://host/path: only a local path
            name = "/" + name[2:].split("/", 1)[-1]
        if name in ("", ":memory:"):
            return None
        database = name
    if not Path(database).is_file():
        raise ReadError(source, f"database file not found: {database}")
    return str(Path(database).resolve())


def _sqlite_engine(path: str | None, deadline: list[float]) -> Any:
    import sqlite3

    import sqlalchemy as sa
    from sqlalchemy.pool import NullPool

    denied = {sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH}
    for name in ("SQLITE_INSERT", "SQLITE_UPDATE", "SQLITE_DELETE", "SQLITE_CREATE_TABLE"):
        denied.add(getattr(sqlite3, name))

    def authorizer(action: int, arg1: Any, arg2: Any, *_: Any) -> int:
        if action in denied:
            return sqlite3.SQLITE_DENY
        # a pragma that sets a value (journal_mode=WAL changes the file); the ones that
        # describe a table (reflection) take a table's name as their argument
        if action == sqlite3.SQLITE_PRAGMA and arg2 is not None and arg1 not in _READ_PRAGMAS:
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    def connect() -> Any:
        uri = "file::memory:" if path is None else f"file:{quote(path)}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
        conn.set_authorizer(authorizer)
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline[0]), 10_000)
        return conn

    return sa.create_engine("sqlite://", creator=connect, poolclass=NullPool)


def _engine(parsed: Any, source: str, deadline: list[float], seconds: float) -> Any:
    import sqlalchemy as sa

    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(_sqlite_path(parsed.database or "", source), deadline)
    connect_args: dict[str, Any] = {}
    if backend == "postgresql":
        options = [
            "-c default_transaction_read_only=on",
            f"-c statement_timeout={int(seconds * 1000)}",
        ]
        given = parsed.query.get("options")
        if isinstance(given, str):
            options.insert(0, given)
        connect_args["options"] = " ".join(options)
        parsed = parsed.difference_update_query(["options"])
    return sa.create_engine(parsed, connect_args=connect_args)


def query_database(url: str, *, table: str | None, query: str | None) -> pd.DataFrame:
    """The rows of ``table`` or of ``query`` at ``url``, read through a read-only connection.

    Raises
    ------
    ReadError
        One line: a URL that is not one, a missing SQLite file, a query that is
        not one statement that reads, a failing query, a query that ran past
        the timeout, a missing table.
    """
    import sqlalchemy as sa

    source = mask_url(url)
    if query is not None:
        query = single_query(query, source)
    try:
        parsed = sa.make_url(url)
    except (sa.exc.ArgumentError, ValueError) as exc:
        raise ReadError(source, "not a valid database URL") from exc
    seconds = timeout_seconds()
    deadline = [float("inf")]
    try:
        engine = _engine(parsed, source, deadline, seconds)
    except (sa.exc.SQLAlchemyError, ImportError) as exc:
        code = "read.driver_missing" if isinstance(exc, ImportError) else None
        reason = f"cannot open the database ({short_reason(exc)})"
        raise ReadError(source, reason, code=code) from exc
    postgres = parsed.get_backend_name() == "postgresql"
    try:
        with engine.connect() as conn:
            try:
                deadline[0] = time.monotonic() + seconds
                if postgres:
                    conn.execute(sa.text("SET TRANSACTION READ ONLY"))
                if table is not None:
                    selectable = sa.select(_reflect(conn, table, source))
                else:
                    selectable = sa.text(query)
                return pd.read_sql(selectable, conn, dtype_backend="numpy_nullable")
            finally:
                conn.rollback()  # nothing the connection did is kept
    except ReadError:
        raise
    except (sa.exc.SQLAlchemyError, ImportError, ValueError, OSError) as exc:
        reason = short_reason(exc)
        if time.monotonic() > deadline[0] or "statement timeout" in reason:
            raise ReadError(
                source,
                f"the query ran longer than {seconds:g} s (the limit; "
                "OUTCOMES_SQL_TIMEOUT sets it)",
            ) from exc
        what = "the query failed" if query is not None else f"cannot read table {table!r}"
        raise ReadError(source, f"{what} ({reason})") from exc
    finally:
        engine.dispose()


def _reflect(conn: Any, table: str, source: str) -> Any:
    import sqlalchemy as sa

    candidates = [(None, table)]
    if "." in table:
        schema, _, name = table.rpartition(".")
        candidates.append((schema, name))
    inspector = sa.inspect(conn)
    for schema, name in candidates:
        if inspector.has_table(name, schema=schema):
            return sa.Table(name, sa.MetaData(), schema=schema, autoload_with=conn)
    # as a wrong xlsx sheet is answered: the tables there are (analyst review N11)
    names = sorted(inspector.get_table_names())
    shown = ", ".join(repr(n) for n in names[:20]) + (", …" if len(names) > 20 else "")
    where = f"; its tables: {shown}" if names else "; it has no tables"
    raise ReadError(source, f"no table named {table!r} in the database{where}")
