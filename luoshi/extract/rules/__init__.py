"""Every threshold and word list the analysis uses, in one place, each with its reason.

These are the rules a careful supervisor (督查室) states when reading a progress table; they
are data, so that a reviewer can read and change them without reading the code. Regular
expression fragments are joined with "|" where used. docs/analysis.md explains them in prose.

One package of plain data modules, one per part of the analysis, read as one namespace
(``rules.NAME``, whichever part defines it): figures (time, numbers, comparators), measuring
(achieved figures and their matching to targets), grading (status, scope and severity words),
kinds (kinds of target, joined sub-rows) and table (the table's own evidence, indicator rows).
tests/extract/test_rules_documented.py reads every module of the package.
"""

from __future__ import annotations

from luoshi.extract.rules.figures import *  # noqa: F403
from luoshi.extract.rules.grading import *  # noqa: F403
from luoshi.extract.rules.kinds import *  # noqa: F403
from luoshi.extract.rules.measuring import *  # noqa: F403
from luoshi.extract.rules.table import *  # noqa: F403
