"""Menus, toolbar, shortcuts and small dialogs of the window (its remembered
state is in window_state.py, the key policy in keys.py)."""
from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from .. import __version__
from ..loader import load_workspace
from . import plain


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


KEYS = [
    ("PageDown, →, mellomrom", "Neste steg"),
    ("PageDown på siste steg", "Tallene som lysbilde (presentasjon, kart med tall)"),
    ("PageUp, ←, Backspace", "Forrige steg"),
    ("Home / End", "Første / siste steg"),
    ("F5", "Presentasjon av og på"),
    ("Shift+F5", "Start presentasjon"),
    ("Esc", "Ut av tekstfeltet, lukk panelet, avslutt presentasjon"),
    ("B eller .", "Svart skjerm av og på"),
    ("T", "Kasushistorien i presentasjon av og på"),
    ("H", "Høy kontrast av og på"),
    ("L", "Tegnforklaring av og på"),
    ("F9", "Sidepanel av og på"),
    ("0", "Tilpass kartet til vinduet"),
    ("+ / −, musehjul", "Zoom"),
    ("Ctrl+F", "Søk etter tjeneste"),
    ("Ctrl+O", "Åpne mappe"),
    ("Ctrl+K", "Start kasus"),
    ("Ctrl+T", "Tall (henvisninger og avslag) av og på"),
    ("V", "Vis forslag (i kasus)"),
    ("Ctrl+E", "Redigeringsmodus av og på"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Angre / gjør om en endring"),
    ("Ctrl+S", "Lagre endringene"),
    ("Ctrl+N", "Nytt kart"),
    ("Ctrl+Shift+N / Ctrl+D", "Ny tjeneste / dupliser tjenesten (redigering)"),
    ("Delete, Alt+piler", "Slett / flytt kortet (redigering, kartet har tastene)"),
    ("Shift+dra, Ctrl+L", "Tegn samarbeid mellom to kort (redigering)"),
    ("G / Y / R", "Status grønn / gul / rød (Rediger → Trafikklys)"),
    ("F1 eller ?", "Denne oversikten"),
]


def _action(w, text: str, slot, shortcut=None, checkable=False) -> QAction:
    """An action of the window. Its shortcut works in the map window only (a
    dialog or the facilitator's window keeps its own keys); single letters
    never fire while a text field has the keys (keys.py)."""
    a = QAction(text, w)
    if shortcut:
        keys = [shortcut] if isinstance(shortcut, str) else list(shortcut)
        a.setShortcuts([QKeySequence(k) for k in keys])
        a.setShortcutContext(Qt.WindowShortcut)
    a.setCheckable(checkable)
    a.triggered.connect(slot)
    w.addAction(a)  # shortcuts keep working with the menu bar hidden (presentation)
    return a


def build(w) -> None:
    bar = w.menuBar()
    fil = w._menus["fil"] = bar.addMenu(tr("&Fil"))
    w._menus["rediger"] = bar.addMenu(tr("&Rediger"))  # filled by edit_ui.install
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
    # Clickers send Shift+F5 ("from here"): it starts, never stops, a presentation.
    w.present_start_action = _action(w, tr("Start presentasjon"), lambda: w.presentation.enter(), "Shift+F5")
    w.story_action = _action(w, tr("Kasushistorien i presentasjon"), lambda: w.presentation.toggle_story(), "T")
    w.contrast_action = _action(w, tr("Høy kontrast"), lambda on: set_contrast(w, on), "H", checkable=True)
    w.fit_action = _action(w, tr("Tilpass til vinduet"), w.map_view.fit, "0")
    zoom_in = _action(w, tr("Zoom inn"), lambda: w.map_view.zoom_by(1.25))
    zoom_out = _action(w, tr("Zoom ut"), lambda: w.map_view.zoom_by(0.8))
    search = _action(w, tr("Søk…"), w.search.focus, "Ctrl+F")
    w.side_action = _action(w, tr("Sidepanel"), lambda: w.room.toggle_side(), "F9")
    w.legend_action = _action(w, tr("Tegnforklaring"), lambda: w.legend.toggle(), "L")
    w.prev_action = _action(w, tr("◀ Forrige"), w.previous_step)
    w.next_action = _action(w, tr("Neste ▶"), w.next_step)
    for a in (w.present_action, w.present_start_action, w.story_action, w.contrast_action, w.fit_action,
              zoom_in, zoom_out, search):
        vis.addAction(a)
    vis.addSeparator()
    for a in (w.side_action, w.legend_action):
        vis.addAction(a)
    problems = _action(w, tr("Problemer i filene"), lambda: w.show_panel(w.problems_panel))
    vis.addAction(problems)

    hjelp.addAction(_action(w, tr("Taster"), lambda: show_keys(w)))
    hjelp.addAction(_action(w, tr("Om Sammenkart"), lambda: about(w)))

    tb = w.addToolBar(tr("Verktøy"))
    tb.setObjectName("toolbar")
    tb.setMovable(False)
    tb.setToolButtonStyle(Qt.ToolButtonTextOnly)
    for a in (w.present_action, w.prev_action, w.next_action, w.fit_action, zoom_in, zoom_out,
              w.contrast_action, w.export_action, w.side_action):
        tb.addAction(a)
    for a in (w.prev_action, w.next_action, w.side_action):
        button = tb.widgetForAction(a)
        if button is not None:
            button.setFocusPolicy(Qt.NoFocus)
    w.prev_action.setToolTip(tr("Forrige steg (PageUp, venstre pil)"))
    w.next_action.setToolTip(tr("Neste steg (PageDown, høyre pil, mellomrom)"))


def set_contrast(w, on: bool) -> None:
    w.scene.set_variant("hoykontrast" if on else "normal")


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
    """Open a folder or map file. A folder with no readable map does not take
    the current map away (when there is one); its problems are listed."""
    from ..loader import load_bundled

    edit = getattr(w, "edit", None)
    if edit is not None and not edit.may_close():
        return  # unsaved edits, and the user chose Avbryt
    QApplication.setOverrideCursor(Qt.WaitCursor)
    try:
        ws = load_bundled() if path is None else load_workspace(path)
    finally:
        QApplication.restoreOverrideCursor()
    if not ws.maps and w.current_map() is not None:
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
