"""Menus, toolbar, shortcuts and small dialogs of the window (its remembered
state is in window_state.py, the key policy in keys.py)."""
from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from .. import __version__
from ..loader import load_workspace
from ..i18n import N_, _
from . import live_text, plain
from .present_search import find_service


KEYS = [
    (N_("PageDown, →, mellomrom"), N_("Neste steg")),
    (N_("PageDown på siste steg"), N_("Tallene som lysbilde (presentasjon, kart med tall)")),
    ("PageUp, ←, Backspace", N_("Forrige steg")),
    ("Home / End", N_("Første / siste steg")),
    ("F5", N_("Presentasjon av og på")),
    ("Shift+F5", N_("Start presentasjon")),
    ("Esc", N_("Ut av tekstfeltet, lukk panelet, avslutt presentasjon")),
    (N_("B eller ."), N_("Svart skjerm av og på (neste eller forrige steg viser bildet igjen først)")),
    ("T", N_("Kasushistorien i presentasjon av og på")),
    ("H", N_("Høy kontrast av og på")),
    ("L", N_("Tegnforklaring av og på")),
    ("F9", N_("Sidepanel av og på")),
    (N_("Ctrl+piler, Tab til kartet"), N_("Fokusringen til nærmeste kort i den retningen, fra kortet du sist "
                                          "valgte, søkte fram eller klikket på")),
    ("F6", N_("Tastene til kartet fra et panel eller skjema (også Esc fra et tekstfelt); Tab går videre "
              "fra kartet gjennom panelet og tilbake til kartet")),
    ("Enter", N_("Som et klikk på kortet med ringen: vis tjenesten, velg den til svaret (kasus), "
                 "åpne skjemaet (redigering)")),
    ("0", N_("Tilpass kartet til vinduet")),
    (N_("Ctrl+Shift+piler, klikk på ◀ ▶"), N_("Resten av et steg som er bredere enn skjermen")),
    (N_("+ / −, musehjul"), N_("Zoom")),
    ("Ctrl+F", N_("Søk etter tjeneste")),
    ("Ctrl+O", N_("Åpne mappe")),
    ("Ctrl+K", N_("Start kasus")),
    ("Ctrl+T", N_("Tall (henvisninger og avslag) av og på")),
    ("V", N_("Vis forslag (i kasus)")),
    (N_("Ctrl+F, navn, Enter"), N_("Velg tjenesten til svaret eller ta den bort (i kasus)")),
    ("K", N_("Kasuspanelet fram igjen: historien og spørsmålene (i kasus; også F9, Esc)")),
    ("Ctrl+E", N_("Redigeringsmodus av og på")),
    ("Ctrl+Z / Ctrl+Shift+Z", N_("Angre / gjør om en endring")),
    ("Ctrl+S", N_("Lagre endringene")),
    ("Ctrl+N", N_("Nytt kart")),
    ("Ctrl+Shift+N / Ctrl+D", N_("Ny tjeneste / dupliser tjenesten (redigering)")),
    (N_("Delete, Alt+piler"), N_("Slett / flytt kortet (redigering, kartet har tastene)")),
    (N_("Shift+dra, Ctrl+L"), N_("Tegn samarbeid mellom to kort (redigering)")),
    ("G / Y / R", N_("Status grønn / gul / rød (Rediger → Trafikklys)")),
    (N_("F1 eller ?"), N_("Denne oversikten")),
]


def _action(w, text: str, slot, shortcut=None, checkable=False) -> QAction:
    """An action of the window. Its shortcut works in the map window only (a
    dialog or the facilitator's window keeps its own keys); single letters
    never fire while a text field has the keys (keys.py)."""
    a = live_text.text(QAction(w), text)  # ``text``: marked with N_, said again in another language
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
    fil = w._menus["fil"] = live_text.title(bar.addMenu(""), N_("&Fil"))
    w._menus["rediger"] = live_text.title(bar.addMenu(""), N_("&Rediger"))  # filled by edit_ui.install
    vis = w._menus["vis"] = live_text.title(bar.addMenu(""), N_("&Vis"))
    w._menus["kasus"] = live_text.title(bar.addMenu(""), N_("&Kasus"))
    hjelp = w._menus["hjelp"] = live_text.title(bar.addMenu(""), N_("&Hjelp"))

    fil.addAction(_action(w, N_("Åpne mappe…"), lambda: open_folder(w), "Ctrl+O"))
    fil.addAction(_action(w, N_("Åpne kart…"), lambda: open_map_file(w), "Ctrl+Shift+O"))
    fil.addAction(_action(w, N_("Åpne eksempeldata"), lambda: open_path(w, None)))
    w.export_action = _action(w, N_("Eksporter plakat…"), lambda: export_poster(w), "Ctrl+P")
    fil.addAction(w.export_action)
    fil.addSeparator()
    fil.addAction(_action(w, N_("Avslutt"), w.close, "Ctrl+Q"))

    w.present_action = _action(w, N_("Presentasjon"), lambda: w.presentation.toggle(), "F5")
    # Clickers send Shift+F5 ("from here"): it starts, never stops, a presentation.
    w.present_start_action = _action(w, N_("Start presentasjon"), lambda: w.presentation.enter(), "Shift+F5")
    w.story_action = _action(w, N_("Kasushistorien i presentasjon"), lambda: w.presentation.toggle_story(), "T")
    w.contrast_action = _action(w, N_("Høy kontrast"), lambda on: set_contrast(w, on), "H", checkable=True)
    w.fit_action = _action(w, N_("Tilpass til vinduet"), w.map_view.fit_whole, "0")
    zoom_in = _action(w, N_("Zoom inn"), lambda: w.map_view.zoom_by(1.25))
    zoom_out = _action(w, N_("Zoom ut"), lambda: w.map_view.zoom_by(0.8))
    search = _action(w, N_("Søk…"), lambda: find_service(w), "Ctrl+F")
    # One key from anywhere (a drawer's form, a case's notes) back to the map, ring shown.
    w.map_keys_action = _action(w, N_("Tastene til kartet"), w.keys_to_map_with_ring, "F6")
    w.side_action = _action(w, N_("Sidepanel"), lambda: w.toggle_side(), "F9")
    w.legend_action = _action(w, N_("Tegnforklaring"), lambda: w.legend.toggle(), "L")
    w.prev_action = _action(w, N_("◀ Forrige"), w.previous_step)
    w.next_action = _action(w, N_("Neste ▶"), w.next_step)
    for a in (w.present_action, w.present_start_action, w.story_action, w.contrast_action, w.fit_action,
              zoom_in, zoom_out, search, w.map_keys_action):
        vis.addAction(a)
    vis.addSeparator()
    for a in (w.side_action, w.legend_action):
        vis.addAction(a)
    rest = live_text.title(vis.addMenu(""), N_("Resten av steget"))
    for side, text, key in (("left", N_("Til venstre"), "Ctrl+Shift+Left"), ("right", N_("Til høyre"), "Ctrl+Shift+Right"),
                            ("up", N_("Opp"), "Ctrl+Shift+Up"), ("down", N_("Ned"), "Ctrl+Shift+Down")):
        rest.addAction(_action(w, text, lambda _checked=False, s=side: w.step_markers.go(s), key))
    problems = _action(w, N_("Problemer i filene"), lambda: w.show_panel(w.problems_panel))
    vis.addAction(problems)

    hjelp.addAction(_action(w, N_("Taster"), lambda: show_keys(w)))
    hjelp.addAction(_action(w, N_("Om Sammenkart"), lambda: about(w)))

    tb = live_text.live(w.addToolBar(""), "setWindowTitle", N_("Verktøy"))
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
    live_text.tip(w.prev_action, N_("Forrige steg (PageUp, venstre pil)"))
    live_text.tip(w.next_action, N_("Neste steg (PageDown, høyre pil, mellomrom)"))


def set_contrast(w, on: bool) -> None:
    w.scene.set_variant("hoykontrast" if on else "normal")


def keys_html() -> str:
    """The key help as a table (our own texts, escaped)."""
    rows = "".join(f"<tr><td><b>{escape(_(k))}</b>&nbsp;&nbsp;</td><td>{escape(_(v))}</td></tr>" for k, v in KEYS)
    return (f"<h3>{escape(_('Taster i Sammenkart'))}</h3><table>{rows}</table>"
            f"<p>{escape(_('Presentasjonsklikkere sender PageDown/PageUp og B, så de virker uten oppsett.'))}</p>")


def show_keys(w) -> None:
    """The key help: a dialog never taller than the screen (the list scrolls,
    OK stays in view; 28 rows are ~700 px, more than 1024×768 leaves)."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

    box = QDialog(w)
    box.setWindowTitle(_("Taster"))
    text = QTextBrowser(box)
    text.setHtml(keys_html())
    text.setFrameShape(QTextBrowser.NoFrame)
    buttons = QDialogButtonBox(QDialogButtonBox.Ok, box)
    buttons.accepted.connect(box.accept)
    layout = QVBoxLayout(box)
    layout.addWidget(text, 1)
    layout.addWidget(buttons)
    screen = (w.screen() or QApplication.primaryScreen()).availableGeometry()
    width = min(680, screen.width() - 60)
    doc = text.document()
    doc.setTextWidth(width - 40)
    # room for the title bar and the window frame as well as the buttons
    height = min(int(doc.size().height()) + buttons.sizeHint().height() + 60, screen.height() - 90)
    box.resize(width, height)
    box.open()
    buttons.button(QDialogButtonBox.Ok).setFocus()
    w.keys_box = box


def about(w) -> None:
    QMessageBox.about(w, _("Om Sammenkart"), _(
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
        plain.message(w, _("Ingen kart"), _("Fant ingen kart som kunne leses i «{path}».").format(path=path)
                      + ("\n\n" + first if first else ""), QMessageBox.Warning)
        return
    w.set_workspace(ws)
    if path:
        w.settings.setValue("last_path", str(path))


def open_folder(w) -> None:
    start = w.settings.value("last_path", str(Path.home()))
    folder = QFileDialog.getExistingDirectory(w, _("Åpne mappe med kart/ og kasus/"), str(start))
    if folder:
        open_path(w, folder)


def open_map_file(w) -> None:
    start = w.settings.value("last_path", str(Path.home()))
    name, _filter = QFileDialog.getOpenFileName(w, _("Åpne kart"), str(start), _("Kartfiler (*.yaml *.yml)"))
    if name:
        open_path(w, name)


def export_poster(w) -> None:
    try:
        from .poster_dialog import PosterDialog
    except ImportError as exc:
        QMessageBox.warning(w, _("Eksport"), _("Plakateksport er ikke tilgjengelig: {e}").format(e=exc))
        return
    if w.current_map() is None:
        return
    w.poster_dialog = PosterDialog(w)
    w.poster_dialog.open()
