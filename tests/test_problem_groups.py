"""One cause repeated is one problem entry: a copy of the example folders has
an example address in almost every contact field (about 80 warnings of one
kind); the problems list and ``validate`` show them as one entry at the first
one's place (file:line:col), saying how many and in which files, and each is
still there to see (unfolded in the panel, ``validate --alle``)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from editing_helpers import bundled_copy
from sammenkart import cli, example_addresses
from sammenkart.model import Problem, Source
from sammenkart.problem_groups import every, grouped
from sammenkart.validation_run import validate_paths
from test_qt_editing import open_window

SAYS = "eksempeladresser fra eksempelkartene står igjen i"


def _addresses(problems) -> list[Problem]:
    return [p for p in problems if p.kind == example_addresses.KIND]


def test_many_of_one_kind_become_one_entry_at_the_first_and_two_stay_two():
    other = Problem(Source("a.yaml", 2, 1), "noe annet", "warning")
    many = [Problem(Source(f"{f}.yaml", i, 5), f"m{i}", "warning", example_addresses.KIND)
            for f, i in (("a", 3), ("a", 9), ("b", 4))]
    out = grouped([other, *many])
    assert len(out) == 2 and out[0] is other
    g = out[1]
    assert str(g).startswith("a.yaml:3:5: advarsel: 3 " + SAYS + " a.yaml, b.yaml; den første står her.")
    assert g.members == tuple(many) and every(out) == [other, *many]
    assert grouped([other, *many[:2]]) == [other, *many[:2]]


def test_validate_prints_the_example_addresses_of_a_copied_example_once_and_each_with_alle(tmp_path, capsys):
    root = bundled_copy(tmp_path)
    problems, _counts = validate_paths([str(root)])
    n = len(_addresses(problems))
    assert n > 50 and not any(p.is_error for p in problems)
    assert cli.main(["validate", str(root)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    first = _addresses(problems)[0]
    assert lines == [f"{first.source}: advarsel: {n} {SAYS} eksempelkommune.yaml, fjordvik.yaml; "
                     "den første står her. Skriv de riktige, eller ta linjene bort (hver for seg: "
                     "«sammenkart validate --alle»)"]
    assert f"0 feil, {n} advarsler" in err  # counted one by one
    assert cli.main(["validate", "--alle", str(root)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [str(p) for p in problems] and f"0 feil, {n} advarsler" in err


def test_the_problems_tab_counts_one_entry_that_unfolds_into_every_line(qtbot, tmp_path):
    w = open_window(qtbot, bundled_copy(tmp_path), tmp_path / "s.ini")
    panel = w.problems_panel
    n = len(_addresses(w.workspace.problems))
    assert w.room.side.tabText(w.room.side.indexOf(panel)) == "Problemer (1)"
    assert len(panel.lines()) == 1 and f"{n} {SAYS}" in panel.lines()[0]
    assert panel.lines()[0].endswith(f"▸ Dobbeltklikk for å se alle {n}")
    panel.list.setCurrentRow(0)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key_Return)
    assert len(panel.lines()) == 1 + n and panel.lines()[1] == "    " + str(w.workspace.problems[0])
    panel.list.setCurrentRow(1)
    qtbot.keyClick(panel.list, Qt.Key_Return)  # a line of its own opens its place
    first = _addresses(w.workspace.problems)[0]
    assert panel.viewer is not None and panel.viewer.highlighted_line() == first.source.line
    panel.viewer.close()
    panel.list.setCurrentRow(0)
    qtbot.keyClick(panel.list, Qt.Key_Return)
    assert len(panel.lines()) == 1
