"""The league table on the hand-made report (tests/reports/handmade.py): counts and scores
worked out on paper first; weights change the ranking as documented; weights stay with their
report."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from handmade import build

from luoshi.reports import league as lg
from luoshi.reports.models import LeagueWeights

pytestmark = pytest.mark.django_db

# unit: tasks, entries, on_time, late, returned, empty, boilerplate, done, behind, at_risk, score
EXPECTED = {
    "市发改局": (2, 2, 1, 1, 0, 0, 1, 0, 1, 0, 72.5),  # 100 - (35/2 + 10/2 + 10/2)
    # Task 3's at_risk is a draft's (未填报): not a status in the documents (docs/visibility.md).
    "市经信局": (2, 2, 1, 1, 1, 1, 0, 1, 0, 0, 85.0),  # 100 - (15/2 + 10/2 + 5/2)
    "市住建局": (3, 4, 4, 0, 0, 1, 1, 0, 1, 0, 82.1),  # 100 - (35/3 + 15/4 + 10/4)
}
FIELDS = ("tasks", "entries", "on_time", "late", "returned", "empty", "boilerplate", "done",
          "behind", "at_risk", "score")


def test_counts_and_scores_with_the_default_weights():
    h = build()
    rows = lg.league_table(h.q3)
    assert {r.unit: tuple(getattr(r, f) for f in FIELDS) for r in rows} == EXPECTED
    assert [r.unit for r in rows] == ["市经信局", "市住建局", "市发改局"]
    assert [r.rank for r in rows] == [1, 2, 3]


def test_weights_change_the_ranking_as_documented():
    h = build()
    only_empty = {k: 0 for k in lg.DEFAULT_WEIGHTS} | {"empty": 100}
    rows = lg.league_table(h.q3, only_empty)
    # empty shares: 发改局 0/2, 经信局 1/2, 住建局 1/4 -> 100, 50, 75
    assert [(r.unit, r.score) for r in rows] == [("市发改局", 100.0), ("市住建局", 75.0),
                                                 ("市经信局", 50.0)]
    only_returned = {k: 0 for k in lg.DEFAULT_WEIGHTS} | {"returned": 1}
    rows = lg.league_table(h.q3, only_returned)
    # ties (100) go to the unit leading more tasks
    assert [r.unit for r in rows] == ["市住建局", "市发改局", "市经信局"]


def test_weights_are_kept_with_their_report():
    h = build()
    assert lg.weights_for(h.q3) == lg.DEFAULT_WEIGHTS
    LeagueWeights.objects.create(report=h.h1, weights=lg.DEFAULT_WEIGHTS | {"behind": 50})
    # A report without its own weights starts from the previous period's.
    assert lg.weights_for(h.q3)["behind"] == 50
    LeagueWeights.objects.create(report=h.q3, weights=lg.DEFAULT_WEIGHTS | {"behind": 5})
    assert lg.weights_for(h.q3)["behind"] == 5
    assert lg.weights_for(h.h1)["behind"] == 50  # last period's ranking is unchanged


@pytest.mark.parametrize(("values", "message"), [
    ({"behind": "x"}, "不是数字"),
    ({"behind": -1}, "之间"),
    ({k: 0 for k in lg.DEFAULT_WEIGHTS}, "全为 0"),
])
def test_bad_weights_are_refused_with_a_reason(values, message):
    with pytest.raises(lg.WeightsError, match=message):
        lg.clean_weights(values)


def test_csv_and_xlsx_hold_the_table():
    h = build()
    rows = lg.league_table(h.q3)
    table = list(csv.reader(io.StringIO(lg.to_csv(rows).decode("utf-8-sig"))))
    assert table[0][:2] == ["名次", "牵头单位"] and table[1][1] == "市经信局"
    assert table[1][-1] == "85.0"
    wb = openpyxl.load_workbook(io.BytesIO(lg.to_xlsx(rows, "t", lg.DEFAULT_WEIGHTS)))
    assert wb["单位排名"].cell(3, 2).value == "市经信局"
    assert wb["权重"].cell(2, 2).value == 35


def test_a_unit_or_title_like_a_formula_stays_text_in_csv_and_xlsx():
    """Unit names and titles come from imported files (issue 14: formula-escaped exports)."""
    h = build()
    rows = lg.league_table(h.q3)
    rows[0].unit = '=HYPERLINK("http://example.invalid","点击")'
    table = list(csv.reader(io.StringIO(lg.to_csv(rows).decode("utf-8-sig"))))
    assert table[1][1] == "'" + rows[0].unit and table[1][0] == "1"  # numbers untouched
    data = lg.to_xlsx(rows, "=1+1", lg.DEFAULT_WEIGHTS)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    sheet = wb["单位排名"]
    assert sheet.cell(1, 1).value == "=1+1" and sheet.cell(1, 1).data_type == "s"
    assert sheet.cell(3, 2).value == rows[0].unit and sheet.cell(3, 2).data_type == "s"
    assert sheet.cell(3, 1).value == 1  # numbers stay numbers
