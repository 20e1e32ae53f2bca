"""`luoshi import`: exit codes, messages, one transaction per file."""

from __future__ import annotations

from pathlib import Path

import pytest
from shared_docs import shared_path

from luoshi.cli import main
from luoshi.core.models import ImportBatch, Progress, Report, Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds():
    return [str(shared_path("seeds", "000_eb2b56e49a1860ea.txt")),
            str(shared_path("seeds", "004_fea78dcb383e1fba.txt"))]


def test_import_prints_a_summary_per_file_and_a_total(seeds, capsys):
    assert main(["import", *seeds]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].startswith(f"{seeds[0]}: 已导入为报告 #")
    assert lines[1].startswith("  任务 190 项, 子项 0 项, 单位 0 个, 进展条目 190 条")
    assert any(line.startswith("  任务 150 项, ") for line in lines)
    assert lines[-1].startswith("合计:2 个文件中 2 个已导入(任务 340 项")
    assert err == ""
    assert Report.objects.count() == 2


def test_reimport_says_already_imported_and_exits_0(seeds, capsys):
    main(["import", seeds[0]])
    capsys.readouterr()
    assert main(["import", seeds[0]]) == 0
    out, _ = capsys.readouterr()
    assert f"{seeds[0]}: 这个文件已导入过(批次 #" in out and "无需操作" in out
    assert ImportBatch.objects.count() == 1


def test_dry_run_writes_nothing(seeds, capsys):
    assert main(["import", "--dry-run", *seeds]) == 0
    out, _ = capsys.readouterr()
    assert out.splitlines()[0] == f"{seeds[0]}: 试运行,未写入:将作为新报告导入(洞头区 2020年 三季度)"
    assert out.splitlines()[-1].startswith("合计:2 个文件中 2 个将导入")
    assert (Report.objects.count(), Task.objects.count(), ImportBatch.objects.count()) == (0, 0, 0)


def test_bad_files_are_named_on_stderr_others_still_imported(seeds, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    missing = tmp_path / "missing.txt"
    code = main(["import", str(empty), seeds[0], str(binary), str(missing)])
    out, err = capsys.readouterr()
    assert code == 1
    errors = err.splitlines()
    assert len(errors) == 3
    assert errors[0].startswith(f"{empty}: ")
    assert errors[1].startswith(f"{binary}")
    assert errors[2].startswith(f"{missing}: ")
    assert out.splitlines()[-1].startswith("合计:4 个文件中 1 个已导入")
    assert out.splitlines()[-1].endswith(";3 个失败")
    assert Report.objects.count() == 1 and Task.objects.count() == 190


def test_refused_conflicting_table_exits_1_and_changes_nothing(seeds, tmp_path, capsys):
    assert main(["import", seeds[0]]) == 0
    text = open(seeds[0], encoding="utf-8").read()
    # The same period's table with one progress cell changed: other bytes, other content.
    changed = tmp_path / "000-v2.txt"
    marker = "2020年三季度"
    assert text.count("1-9月") > 0
    changed.write_text(text.replace("1-9月", "1-9月份", 1), encoding="utf-8")
    before = (Progress.objects.count(), ImportBatch.objects.count())
    capsys.readouterr()
    assert main(["import", str(changed)]) == 1
    _, err = capsys.readouterr()
    assert err.startswith(f"{changed.name}: a different table for ")
    assert "--replace" in err and marker in err
    assert (Progress.objects.count(), ImportBatch.objects.count()) == before
    assert main(["import", "--replace", str(changed)]) == 0
    out, _ = capsys.readouterr()
    assert "已替换报告 #" in out


def test_help_documents_exit_status(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["import", "--help"])
    assert exit_.value.code == 0
    out, _ = capsys.readouterr()
    assert "Exit status: 0 when every file was imported" in out
    assert "--replace" in out and "--dry-run" in out


def test_no_file_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["import"])
    assert exit_.value.code == 2


def test_missing_government_is_refused_then_given_on_the_command_line(capsys):
    page = str(shared_path("corpus", "022.txt"))  # the title says only 市政府
    assert main(["import", page]) == 1
    _, err = capsys.readouterr()
    assert err.strip() == f"{Path(page).name}: the government is not known (the title does not name it; " \
                          "give it with --government)"
    assert Report.objects.count() == 0
    assert main(["import", page, "--government", "绍兴市"]) == 0
    report = Report.objects.get()
    assert report.plan.government.name == "绍兴市"
    assert (report.plan.year, report.period.kind) == (2020, "q1")


def test_year_and_period_given_on_the_command_line(seeds, capsys):
    assert main(["import", seeds[0], "--year", "2021", "--period", "m11"]) == 0
    report = Report.objects.get()
    assert (report.plan.year, report.period.kind, report.period.month) == (2021, "month", 11)
    assert report.period.end_date.isoformat() == "2021-11-30"


@pytest.mark.parametrize("value", ["x", "m13", "month"])
def test_bad_period_is_a_usage_error(value, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["import", "f.txt", "--period", value])
    assert exit_.value.code == 2
    assert "--period" in capsys.readouterr().err


@pytest.mark.django_db(False)
def test_fresh_database_dry_run_refuses_and_import_migrates(seeds, tmp_path):
    """In a new SQLite file: a dry run explains and writes nothing; an import sets it up."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["LUOSHI_DATA_DIR"] = str(tmp_path)
    launch = [sys.executable, "-c", "import sys; from luoshi.cli import main; sys.exit(main())"]
    dry = subprocess.run([*launch, "import", "--dry-run", seeds[0]], env=env,
                         capture_output=True, text=True)
    assert dry.returncode == 1
    assert "luoshi import: 数据库尚未建立" in dry.stderr
    real = subprocess.run([*launch, "import", seeds[0]], env=env, capture_output=True, text=True)
    assert real.returncode == 0, real.stderr
    assert "已导入为报告 #1" in real.stdout
