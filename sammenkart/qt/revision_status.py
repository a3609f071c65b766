"""Traffic lights in edit mode: one key (G/Y/R) on the chosen card or role
sets its status, plus an optional note in a small field on the map.

``set_status(window, target, status, note)`` is the one call (the edit mode,
the context menu and the keys use it): through the window's editor
(``window.edits``, see ``edit_ui.WindowEdits``), so it is one undoable step and
in the file at once. Targets are the editor's: ("service", map id, service
id) or ("role", pathway file stem, reference).

When the keys act: while the window's edit mode is on (``window.edit_mode``
true; the edit mode emits ``window.edit_mode_changed(bool)``), or while
*Rediger → Trafikklys* is checked. The keys are window actions, so by the
key policy (keys.py) they never fire while a text field has the keys.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..editing import EditError
from .. import i18n
from ..i18n import N_, _
from ..revision import status_label
from ..style import REVISION_MARKS, revision_fill, revision_text
from . import live_text, plain

NOTE_LABEL_PX = 220  # at most this wide, so the note field keeps most of the bar
LEGEND_ROOM = 150  # px left free beside the bar for the folded legend ("Tegnforklaring ▸")
# Key, status: G(reen), Y(ellow), R(ed) — the keys users know from the traffic light's colours.
KEYS = (("G", "gronn"), ("Y", "gul"), ("R", "rod"))


def set_status(window, target: tuple, status: str | None, note: str | None = None):
    """Set (``status`` "gronn", "gul", "rod") or take away (None) the traffic
    light of ``target``, dated today. ``note``: None leaves the note as it is,
    "" removes it. Returns the editor's Change (None: nothing changed).
    Raises ``EditError`` with a message for the user (nothing changed)."""
    if status is None:
        return window.edits.run(lambda ed: ed.clear_revision(target))
    values = {} if note is None else {"merknad": note.strip() or None}
    return window.edits.run(lambda ed: ed.set_revision(target, status, **values))


def service_target(window, service_id: str) -> tuple | None:
    """The editor's target for a card: its service in the map's own file (a region's,
    when one municipality or the regional view is shown); None for a card of the
    regional view that stands for several services (set theirs one by one)."""
    from ..regional import source_of

    m = window.current_map()
    if m is None:
        return None
    source = source_of(m)
    s = m.service(service_id)
    return ("service", source.id, service_id) if s is not None and source.service(service_id) is s else None


def target_label(window, target: tuple | None) -> str:
    """What a target is called on screen ("PPT", "Angst: Fastlege")."""
    if target is None:
        return ""
    m = window.current_map()
    if target[0] == "service":
        s = m.service(target[2]) if m is not None else None
        return s.navn if s else target[2]
    p = window.current_pathway()
    from ..revision import role_label

    name = role_label(m, target[2]) if m is not None else target[2]
    return f"{p.navn}: {name}" if p is not None else name


def revision_of(window, target: tuple | None):
    """The ``Revision`` of a target as the window shows it now (None: not reviewed)."""
    if target is None:
        return None
    m = window.current_map()
    if target[0] == "service":
        s = m.service(target[2]) if m is not None else None
        return s.revisjon if s else None
    p = window.current_pathway()
    role = p.roller.get(target[2]) if p is not None else None
    return role.revisjon if role else None


def pathway_stem(p) -> str:
    """A pathway's file stem (the editor's name for it: "angst.nn")."""
    return p.path.name[: -len(p.path.suffix)] if p.path is not None else p.id


def keep_free(view, top: int | None = None, bottom: int | None = None) -> None:
    """Keep a strip above or below the map free for a bar (the view's viewport
    margins; the map refits into what is left). None: leave that side as it is."""
    m = view.viewportMargins()
    t = m.top() if top is None else top
    b = m.bottom() if bottom is None else bottom
    if (t, b) != (m.top(), m.bottom()):
        view.setViewportMargins(m.left(), t, m.right(), b)


class TrafficBar(QFrame):
    """The chosen card or role, its status, three status buttons and the note field."""

    status_clicked = Signal(object)  # "gronn" | "gul" | "rod" | None (take away)
    note_given = Signal(str)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("traffic-bar")
        self.setStyleSheet(
            "#traffic-bar { background: rgba(255, 255, 255, 242); border: 1px solid #8a8a8a; border-radius: 6px; }")
        self.title = QLabel()
        self.title.setTextFormat(Qt.RichText)
        self.title.setWordWrap(True)
        self.buttons: dict[str | None, QPushButton] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for key, status in KEYS:
            b = QPushButton()
            b.setStyleSheet(f"QPushButton {{ background: {revision_fill(status)}; color: {revision_text(status)}; "
                            "padding: 2px 8px; }")
            b.clicked.connect(lambda _c=False, st=status: self.status_clicked.emit(st))
            self.buttons[status] = b
            row.addWidget(b)
        clear = live_text.text(QPushButton(), N_("Fjern status"))
        clear.clicked.connect(lambda: self.status_clicked.emit(None))
        self.buttons[None] = clear
        row.addWidget(clear)
        for b in self.buttons.values():
            b.setFocusPolicy(Qt.NoFocus)  # the keys stay on the map
        self.note = QLineEdit()
        live_text.live(self.note, "setPlaceholderText", N_("Merknad (valgfri) – Enter lagrer, Esc lar være"))
        self.note.returnPressed.connect(lambda: self.note_given.emit(self.note.text()))
        # whose note the field holds, beside it: a note is never typed for the wrong card unseen
        self.note_label = QLabel()
        self.note_label.setTextFormat(Qt.PlainText)
        self.note_label.setMaximumWidth(NOTE_LABEL_PX)
        note_row = QHBoxLayout()
        note_row.setContentsMargins(0, 0, 0, 0)
        note_row.addWidget(self.note_label)
        note_row.addWidget(self.note, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.setSpacing(4)
        lay.addWidget(self.title)
        lay.addLayout(row)
        lay.addLayout(note_row)
        self.wanted = False  # the traffic lights are on
        self.presenting = lambda: False  # never in presentation mode (the owner says when)
        self.covered = lambda: 0  # px of the view's right side an open drawer covers
        self.button_texts()
        self.hide()

    def button_texts(self) -> None:
        """The status buttons' names in the current language."""
        for key, status in KEYS:
            self.buttons[status].setText(f"{REVISION_MARKS[status]} {status_label(status)} ({key})")

    def show_target(self, label: str, revisjon, chosen: bool) -> None:
        whose = _("Merknad til «{name}»:").format(name=label) if chosen else _("Merknad:")
        if chosen:  # a long name is cut, the words around it stay
            fm = self.note_label.fontMetrics()
            room = NOTE_LABEL_PX - fm.horizontalAdvance(_("Merknad til «{name}»:").format(name=""))
            short = _("Merknad til «{name}»:").format(name=fm.elidedText(label, Qt.ElideRight, max(40, room)))
        self.note_label.setText(short if chosen else whose)
        self.note_label.setToolTip(whose)
        if not chosen:
            self.title.setText(f"<b>{escape(_('Trafikklys'))}</b>: "
                               + escape(_("klikk et kort på kartet eller en rolle i forløpspanelet")))
        else:
            status = revisjon.status if revisjon else None
            when = f" · {i18n.date_text(revisjon.dato)}" if revisjon and revisjon.dato else ""
            self.title.setText(f"<b>{escape(label)}</b>: {escape(REVISION_MARKS[status])} "
                               f"{escape(status_label(status))}{escape(when)}")
            if not self.note.hasFocus():
                self.note.setText((revisjon.merknad or "") if revisjon else "")
                self.note.setCursorPosition(0)  # a long note reads from its start
        for b in self.buttons.values():
            b.setEnabled(chosen)
        self.note.setEnabled(chosen)

    def place(self) -> None:
        """Under the map, in room the view keeps free for it (its viewport ends
        above the bar), so the bar never covers a card; the map refits above it."""
        view = self.parentWidget()
        if view is None:
            return
        self.setVisible(self.wanted and not self.presenting())
        seen = view.width() - self.covered()  # not under an open drawer
        if self.isVisible():  # right-aligned: the folded legend keeps the strip's left corner
            self.setFixedWidth(max(240, min(620, seen - LEGEND_ROOM - 16)))
            self.adjustSize()
        keep_free(view, bottom=self.height() + 8 if self.isVisible() else 0)
        if not self.isVisible():
            return
        self.move(max(4, seen - self.width() - 8), view.height() - self.height() - 4)
        self.raise_()


class TrafficLights(QObject):
    """The traffic-light mode of one window: the chosen target, the keys, the bar."""

    changed = Signal()

    def __init__(self, window, edit_menu):
        super().__init__(window)
        self.window = window
        self.target: tuple | None = None
        self.message = ""  # the last thing said to the user (tests read it)
        self.mode_action = live_text.text(QAction(window), N_("Trafikklys (G / Y / R)"))
        self.mode_action.setCheckable(True)
        self.mode_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.mode_action.setShortcutContext(Qt.WindowShortcut)
        live_text.tip(self.mode_action, N_("Sett status på kort og roller med G (grønn), Y (gul) og R (rød)"))
        self.mode_action.toggled.connect(lambda _on: self._update())
        window.addAction(self.mode_action)
        edit_menu.addAction(self.mode_action)
        self.key_actions: list[QAction] = []
        for key, status in KEYS:
            a = QAction(window)
            a.setShortcut(QKeySequence(key))
            a.setShortcutContext(Qt.WindowShortcut)
            a.triggered.connect(lambda _c=False, st=status: self.key(st))
            window.addAction(a)
            edit_menu.addAction(a)
            self.key_actions.append(a)
        self.bar = TrafficBar(window.map_view)
        self.bar.presenting = lambda: window.presentation.active
        self.bar.covered = lambda: window.room.side.width() if window.room.mode() == "drawer" else 0
        self.bar.status_clicked.connect(self.key)
        self.bar.note_given.connect(self.note)
        window.room.overlay_extra.append(self.bar)
        window.scene.service_clicked.connect(self._card_clicked)
        window.pathway_panel.role_chosen.connect(self._role_clicked)
        window.map_changed.connect(lambda _id: self.choose(None))
        window.pathway_changed.connect(self._pathway_changed)
        window.workspace_updated.connect(self._update)
        edits = getattr(window, "edits", None)
        if edits is not None:  # a card given another id stays the chosen one
            edits.changed.connect(self._follow)
        language = getattr(window, "language_changed", None)
        if language is not None:
            language.connect(lambda _lang: self._retranslate())
        self._key_texts()
        signal = getattr(window, "edit_mode_changed", None)  # the edit mode's, when there is one
        if signal is not None:
            signal.connect(lambda _on: self._update())
        self._update()

    def _key_texts(self) -> None:
        for (_key, status), a in zip(KEYS, self.key_actions):
            a.setText(_("Status {status}").format(status=status_label(status)))

    def _retranslate(self) -> None:
        self._key_texts()
        self.bar.button_texts()
        self._update()

    # -- state ----------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.mode_action.isChecked() or bool(getattr(self.window, "edit_mode", False))

    def choose(self, target: tuple | None) -> None:
        self.target = target
        self._update()

    def _follow(self, change) -> None:
        t = self.target
        renamed = dict(getattr(change, "renamed", ()))
        if t is not None and t[0] == "service" and t[2] in renamed:
            self.target = (t[0], t[1], renamed[t[2]])
            self._update()

    def _card_clicked(self, service_id: str) -> None:
        if self.active and self.window.current_map() is not None:
            self.choose(service_target(self.window, service_id))
            # Setting statuses card after card: the details drawer would cover the map each time.
            self.window.room.close_drawer()

    def _role_clicked(self, ref: str) -> None:
        p = self.window.current_pathway()
        if self.active and p is not None:
            self.choose(("role", pathway_stem(p), ref))

    def _pathway_changed(self) -> None:
        if self.target is not None and self.target[0] == "role":
            self.target = None
        self._update()

    def _update(self) -> None:
        on = self.active
        for a in self.key_actions:
            a.setEnabled(on)
        self.bar.wanted = on
        target = self.target if on else None
        self.bar.show_target(target_label(self.window, target), revision_of(self.window, target), target is not None)
        selected = target[2] if target is not None and target[0] == "role" else None
        self.window.pathway_panel.set_revision_marks(on, selected)
        self.bar.place()
        self.window.room.relayout()  # the banner and the legend make room for the bar
        self.changed.emit()

    # -- acting ---------------------------------------------------------------------
    def key(self, status: str | None) -> None:
        """G/Y/R (or a button): set the chosen target's status, then offer the note field."""
        if not self.active:
            return
        if self.target is None:
            self.say(_("Velg først et kort på kartet eller en rolle i forløpspanelet."))
            return
        if not self._do(lambda: set_status(self.window, self.target, status)):
            return
        if status is not None and self.bar.isVisible():
            self.bar.note.setFocus(Qt.OtherFocusReason)
            # after the note the card has: typing adds to it, it is never replaced unseen
            self.bar.note.end(False)

    def note(self, text: str) -> None:
        """The note field's Enter: write the note with the status there now. A note
        that replaces or removes another is said so, with the old words and Ctrl+Z,
        on the map where the room sees it (one undo step brings the old note back)."""
        rev = revision_of(self.window, self.target)
        old, new = ((rev.merknad or "") if rev else ""), text.strip()
        if self.target is not None and rev is not None and old != new:
            name = target_label(self.window, self.target)
            if self._do(lambda: set_status(self.window, self.target, rev.status, text)) and old:
                msgid = (N_("Merknaden til «{name}» er byttet ut (var: «{old}») – Ctrl+Z angrer") if new
                         else N_("Merknaden til «{name}» er fjernet (var: «{old}») – Ctrl+Z angrer"))
                self.say(_(msgid).format(name=name, old=old))
                # the room's message is a button: "&" in the data is shown, not a shortcut mark
                self.window.room.set_message(msgid, name=plain.action_text(name), old=plain.action_text(old))
        self.window.give_keys_to_map()

    def _do(self, fn) -> bool:
        try:
            change = fn()
        except EditError as exc:
            self.say(_("Kunne ikke sette status: {grunn}").format(grunn=exc))
            return False
        if change is not None:
            self.say(change.text + " – " + _("Ctrl+Z angrer"))
        self._update()
        return True

    def say(self, text: str) -> None:
        self.message = text
        self.window.statusBar().showMessage(text, 8000)
