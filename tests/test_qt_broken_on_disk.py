"""A map file broken on disk and mended again, while the window shows it (a tester's finding).

The coordinator edits the map in a text editor while the app has it open: a
save with a syntax error takes the map away (nothing in the file can be read),
and the save that mends it must bring the map back, with the pathway and step
the room was at, without a restart.
"""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from test_qt_editing import MAP, answers, open_window, root  # noqa: F401  (fixtures)


def test_a_map_broken_on_disk_comes_back_when_the_file_is_mended(qtbot, tmp_path, root, answers):  # noqa: F811
    (root / "kart" / "fjordvik.yaml").unlink()  # the tester's folder: one municipality's map
    w = open_window(qtbot, root, tmp_path / "s.ini")
    w.select_pathway("angst")
    w.set_step(1)
    path = root / "kart" / f"{MAP}.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("alder: [", "alder: [[", 1), encoding="utf-8")  # a bracket left open
    qtbot.waitUntil(lambda: w.current_map() is None, timeout=5000)
    assert w.room.empty is not None and w.room.empty.isVisible()
    assert any(str(p.source.path).endswith(path.name) for p in w.workspace.errors)

    path.write_text(good, encoding="utf-8")
    qtbot.waitUntil(lambda: w.current_map() is not None, timeout=5000)
    QApplication.processEvents()
    assert w.room.empty is None  # the placeholder is gone: the map is seen
    assert w.map_view.isVisible() and len(w.scene.layout.cards) == len(w.current_map().tjenester)
    assert w.current_map().id == MAP and not w.workspace.errors
    assert w.current_pathway().id == "angst" and w.step == 1  # where the room was
    assert not answers.asked


def test_with_two_maps_the_mended_one_is_shown_again_where_the_room_was(qtbot, tmp_path, root, answers):  # noqa: F811
    w = open_window(qtbot, root, tmp_path / "s.ini")
    w.select_pathway("angst")
    w.set_step(2)
    path = root / "kart" / f"{MAP}.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("alder: [", "alder: [[", 1), encoding="utf-8")
    qtbot.waitUntil(lambda: w.current_map() is not None and w.current_map().id == "fjordvik", timeout=5000)
    path.write_text(good, encoding="utf-8")
    qtbot.waitUntil(lambda: w.current_map().id == MAP, timeout=5000)
    assert w.current_pathway().id == "angst" and w.step == 2 and w.room.empty is None


def test_a_map_chosen_meanwhile_stays_when_the_broken_one_is_mended(qtbot, tmp_path, root, answers):  # noqa: F811
    (root / "kart" / "tredje.yaml").write_text(
        "sammenkart: 1\nid: tredje\nnavn: Tredje\ntjenester:\n  - id: s\n    navn: S\n    niva: 0\n"
        "    sektor: kommune\n", encoding="utf-8")
    w = open_window(qtbot, root, tmp_path / "s.ini")
    path = root / "kart" / f"{MAP}.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("alder: [", "alder: [[", 1), encoding="utf-8")
    qtbot.waitUntil(lambda: w.current_map() is not None and w.current_map().id != MAP, timeout=5000)
    fallback = w.current_map().id
    other = next(i for i in ("fjordvik", "tredje") if i != fallback)
    w.select_map(other)  # the user goes on to another map
    path.write_text(good, encoding="utf-8")
    qtbot.waitUntil(lambda: MAP in w.workspace.maps, timeout=5000)
    QApplication.processEvents()
    assert w.current_map().id == other
