"""`luoshi reindex` rebuilds the index."""

from luoshi.cli import main
from luoshi.search.models import TaskEntry


def test_luoshi_reindex(indexed, capsys):
    TaskEntry.objects.all().delete()
    assert main(["reindex"]) == 0
    assert "已重建索引 7 行" in capsys.readouterr().out
    assert TaskEntry.objects.count() == 7
    TaskEntry.objects.filter(plan=indexed.plan).delete()
    assert main(["reindex", str(indexed.plan.pk)]) == 0
    assert TaskEntry.objects.count() == 7
