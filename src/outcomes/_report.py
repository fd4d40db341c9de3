"""Moved: the report is the public subpackage :mod:`outcomes.report`, its command ``outcomes._cli.report``.

Only the handler name ``outcomes.cli`` still looks up here is kept, until
``cli.py`` points at ``outcomes._cli.report:run``.
"""

from outcomes._cli.report import run_report_cli

__all__ = ["run_report_cli"]
