"""Menus, toolbar, shortcuts, remembered settings and small dialogs of the window."""
from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from .. import __version__
from ..loader import load_workspace
from . import plain


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


KEYS = [
    ("PageDown, →, mellomrom", "Neste steg"),
    ("PageUp, ←, Backspace", "Forrige steg"),
    ("Home / End", "Første / siste steg"),
    ("F5", "Presentasjon av og på"),
    ("Esc", "Avslutt presentasjon"),
    ("B eller .", "Svart skjerm av og på"),
    ("H", "Høy kontrast av og på"),
    ("0", "Tilpass kartet til vinduet"),
    ("+ / −, musehjul", "Zoom"),
    ("Ctrl+F", "Søk etter tjeneste"),
    ("Ctrl+O", "Åpne mappe"),
    ("Ctrl+K", "Start kasus"),
    ("V", "Vis fasit (i kasus)"),
    ("F1 eller ?", "Denne oversikten"),
]


def _action(w, text: str, slot, shortcut=None, checkable=False) -> QAction:
    a = QAction(text, w)
    if shortcut:
        a.setShortcut(QKeySequence(shortcut))
        a.setShortcutContext(Qt.ApplicationShortcut)
    a.setCheckable(checkable)
    a.triggered.connect(slot)
    w.addAction(a)  # shortcuts keep working with the menu bar hidden (presentation)
    return a


def build(w) -> None:
    bar = w.menuBar()
    fil = w._menus["fil"] = bar.addMenu(tr("&Fil"))
    vis = w._menus["vis"] = bar.addMenu(tr("&Vis"))
    w._menus["kasus"] = bar.addMenu(tr("&Kasus"))
    hjelp = w._menus["hjelp"] = bar.addMenu(tr("&Hjelp"))

    fil.addAction(_action(w, tr("Åpne mappe…"), lambda: open_folder(w), "Ctrl+O"))
    fil.addAction(_action(w, tr("Åpne kart…"), lambda: open_map_file(w), "Ctrl+Shift+O"))
    fil.addAction(_action(w, tr("Åpne eksempeldata"), lambda: open_path(w, None)))
    w.export_action = _action(w, tr("Eksporter plakat…"), lambda: export_poster(w), "Ctrl+P")
    fil.addAction(w.export_action)
    fil.addSeparator()
    fil.addAction(_action(w, tr("Avslutt"), w.close, "Ctrl+Q"))

    w.present_action = _action(w, tr("Presentasjon"), lambda: w.presentation.toggle(), "F5")
    w.contrast_action = _action(w, tr("Høy kontrast"), lambda on: set_contrast(w, on), "H", checkable=True)
    w.fit_action = _action(w, tr("Tilpass til vinduet"), w.map_view.fit)
    zoom_in = _action(w, tr("Zoom inn"), lambda: w.map_view.zoom_by(1.25))
    zoom_out = _action(w, tr("Zoom ut"), lambda: w.map_view.zoom_by(0.8))
    search = _action(w, tr("Søk…"), w.search.focus, "Ctrl+F")
    for a in (w.present_action, w.contrast_action, w.fit_action, zoom_in, zoom_out, search):
        vis.addAction(a)
    w.fit_action.setShortcut(QKeySequence("0"))
    w.fit_action.setShortcutContext(Qt.WindowShortcut)
    vis.addSeparator()
    for dock in (w.left_dock, w.legend_dock, w.details_dock, w.pathway_dock, w.problems_dock):
        vis.addAction(dock.toggleViewAction())

    hjelp.addAction(_action(w, tr("Taster"), lambda: show_keys(w)))
    hjelp.addAction(_action(w, tr("Om Sammenkart"), lambda: about(w)))

    tb = w.addToolBar(tr("Verktøy"))
    tb.setObjectName("toolbar")
    tb.setToolButtonStyle(Qt.ToolButtonTextOnly)
    for a in (w.present_action, w.fit_action, zoom_in, zoom_out, w.contrast_action, w.export_action):
        tb.addAction(a)


def set_contrast(w, on: bool) -> None:
    w.scene.set_variant("hoykontrast" if on else "normal")
    w.legend.set_map(w.current_map(), w.scene.pal)


def show_keys(w) -> None:
    rows = "".join(f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(tr(v))}</td></tr>" for k, v in KEYS)
    box = QMessageBox(w)
    box.setWindowTitle(tr("Taster"))
    box.setTextFormat(Qt.RichText)
    box.setText(f"<h3>{escape(tr('Taster i Sammenkart'))}</h3><table>{rows}</table>"
                f"<p>{escape(tr('Presentasjonsklikkere sender PageDown/PageUp og B, så de virker uten oppsett.'))}</p>")
    box.open()
    w.keys_box = box


def about(w) -> None:
    QMessageBox.about(w, tr("Om Sammenkart"), tr(
        "Sammenkart {v}\n\nKart over tjenester for barn og unge, samhandlingsforløp og kasusøvelser."
    ).format(v=__version__))


def open_path(w, path: str | None) -> None:
    from ..loader import load_bundled

    QApplication.setOverrideCursor(Qt.WaitCursor)
    try:
        ws = load_bundled() if path is None else load_workspace(path)
    finally:
        QApplication.restoreOverrideCursor()
    if not ws.maps:
        first = "\n".join(str(p) for p in ws.problems[:8])
        plain.message(w, tr("Ingen kart"), tr("Fant ingen kart som kunne leses i «{path}».").format(path=path)
                      + ("\n\n" + first if first else ""), QMessageBox.Warning)
        return
    w.set_workspace(ws)
    if path:
        w.settings.setValue("last_path", str(path))


def open_folder(w) -> None:
    start = w.settings.value("last_path", str(Path.home()))
    folder = QFileDialog.getExistingDirectory(w, tr("Åpne mappe med kart/ og kasus/"), str(start))
    if folder:
        open_path(w, folder)


def open_map_file(w) -> None:
    start = w.settings.value("last_path", str(Path.home()))
    name, _ = QFileDialog.getOpenFileName(w, tr("Åpne kart"), str(start), tr("Kartfiler (*.yaml *.yml)"))
    if name:
        open_path(w, name)


def export_poster(w) -> None:
    try:
        from .poster_dialog import PosterDialog
    except ImportError as exc:
        QMessageBox.warning(w, tr("Eksport"), tr("Plakateksport er ikke tilgjengelig: {e}").format(e=exc))
        return
    if w.current_map() is None:
        return
    w.poster_dialog = PosterDialog(w)
    w.poster_dialog.open()


def save(w) -> None:
    s = w.settings
    s.setValue("geometry", w.saveGeometry())
    s.setValue("state", w.saveState())
    m, p = w.current_map(), w.current_pathway()
    s.setValue("map", m.id if m else "")
    s.setValue("pathway", p.id if p else "")
    s.setValue("contrast", w.contrast_action.isChecked())


def restore(w) -> None:
    s = w.settings
    geometry = s.value("geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        w.restoreGeometry(geometry)
        state = s.value("state")
        if isinstance(state, QByteArray):
            w.restoreState(state)
    else:
        # First start: most of whatever screen this is, never larger than it.
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            avail = screen.availableGeometry()
            w.resize(int(avail.width() * 0.85), int(avail.height() * 0.85))
            w.move(avail.x() + avail.width() // 14, avail.y() + avail.height() // 14)
    if s.value("map"):
        w.select_map(str(s.value("map")))
    if s.value("pathway"):
        w.select_pathway(str(s.value("pathway")))
    if str(s.value("contrast", "false")).lower() == "true":
        w.contrast_action.setChecked(True)
        set_contrast(w, True)
