"""Form fields of the edit mode: show a value, check it as you type, apply it.

A ``Field`` binds one widget to one format key of an edited object. While
the user types, the value is checked after a short pause
(``Editor.check_field``: the validator's own messages, nothing changed) and
the messages stand under the field, errors red, warnings brown. The value
is applied when the user is done with the field (Enter, leaving it, choosing
in a list); a value with an error is not applied (the file never gets a
value ``sammenkart validate`` rejects from a form), the message says why.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QCompleter, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget,
)

from ..editing import EditError
from ..i18n import N_, _, mentions
from . import live_text

CHECK_DELAY_MS = 300  # after the last key press
ERROR_COLOUR, WARNING_COLOUR = "#b00020", "#8a5a00"


def text_or_none(text: str) -> str | None:
    return text if text.strip() else None


class AgeEdit(QWidget):
    """``alder`` as two whole numbers: from and to (both empty: not given)."""

    edited = Signal()
    done = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.low, self.high = QLineEdit(), QLineEdit()
        for box, name in ((self.low, N_("fra")), (self.high, N_("til"))):
            live_text.live(box, "setPlaceholderText", name)
            live_text.live(box, "setAccessibleName", N_("Alder {part}"), part=live_text.Tr(name))
            box.setMaximumWidth(70)
            box.textEdited.connect(self.edited)
            box.editingFinished.connect(self._finished)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.low)
        lay.addWidget(QLabel("–"))
        lay.addWidget(self.high)
        lay.addWidget(live_text.text(QLabel(), N_("år")))
        lay.addStretch(1)

    def _finished(self) -> None:
        # leaving "fra" for "til" is not being done with the field
        QTimer.singleShot(0, lambda: None if self.low.hasFocus() or self.high.hasFocus() else self.done.emit())

    def value(self):
        a, b = self.low.text().strip(), self.high.text().strip()
        return [a, b] if a or b else None

    def missing(self) -> str | None:
        """What the user sees is wrong before any file rule: one of the two boxes
        left empty (the file would get ``alder: [6, ""]``). None when both or neither."""
        a, b = self.low.text().strip(), self.high.text().strip()
        if bool(a) == bool(b):
            return None
        return _("«{part}» er tom: skriv begge aldrene, eller la begge stå tomme").format(
            part=_("til") if a else _("fra"))

    def set_value(self, value) -> None:
        a, b = (str(value[0]), str(value[1])) if value else ("", "")
        self.low.setText(a)
        self.high.setText(b)


class _FocusOut(QObject):
    """Calls ``fn`` when the watched widget loses the keyboard focus."""

    def __init__(self, widget, fn):
        super().__init__(widget)
        self.fn = fn
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.FocusOut:
            self.fn()
        return False


class Field(QObject):
    """One widget bound to ``key`` of the object a form shows.

    ``form`` provides ``target()`` (the ``check_field`` target or None),
    ``editor()``, ``apply(values)`` (makes the edit; raises EditError) and
    ``current(key)`` (the value the file has now). ``sub``: a key inside a
    mapping (``kontakt``'s ``telefon``): the value goes as ``{sub: value}``.
    """

    def __init__(self, form, key: str, widget, sub: str | None = None, parse=None, show=None):
        super().__init__(widget)
        self.form, self.key, self.sub, self.widget = form, key, sub, widget
        # text fields holding a list: parse(text) -> value, show(value) -> text
        self.parse, self.show = parse, show
        self.message = QLabel()
        self.message.setTextFormat(Qt.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        self.problems: list = []
        self._checked = None  # (value, the editor's workspace then): what the last check looked at
        self._loading = False
        # the user typed here since the field last showed the file: only then is a value
        # that differs from the file's theirs to keep (a field Tab just reached is not)
        self._edited = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CHECK_DELAY_MS)
        self.timer.timeout.connect(self.check)
        w = widget
        if isinstance(w, QLineEdit):
            w.textEdited.connect(self._typed)
            w.editingFinished.connect(self.commit)
        elif isinstance(w, QPlainTextEdit):
            w.textChanged.connect(self._typed)
            _FocusOut(w, self.commit)
        elif isinstance(w, QComboBox):
            if w.isEditable():
                w.lineEdit().textEdited.connect(self._typed)
                w.lineEdit().editingFinished.connect(self.commit)
                w.activated.connect(lambda _i: self.commit())
            else:
                w.activated.connect(lambda _i: self.commit())
        elif isinstance(w, QCheckBox):
            w.clicked.connect(lambda _on: self.commit())
        elif isinstance(w, AgeEdit):
            w.edited.connect(self._typed)
            w.done.connect(self.commit)

    # --- value in the widget ---------------------------------------------------------
    def value(self):
        w = self.widget
        if self.parse is not None and isinstance(w, (QLineEdit, QPlainTextEdit)):
            return self.parse(w.text() if isinstance(w, QLineEdit) else w.toPlainText())
        if isinstance(w, QLineEdit):
            return text_or_none(w.text())
        if isinstance(w, QPlainTextEdit):
            return text_or_none(w.toPlainText())
        if isinstance(w, QComboBox):
            if w.isEditable():
                text = w.currentText().strip()
                i = w.findText(text)
                return (w.itemData(i) or None) if i >= 0 else (text or None)  # an entry ("" = none), or typed
            return w.currentData()
        if isinstance(w, QCheckBox):
            return True if w.isChecked() else None
        if isinstance(w, AgeEdit):
            return w.value()
        return None

    def load(self, value) -> None:
        """Show ``value`` (from the file) without applying anything; a field the
        user is typing in keeps what is typed."""
        if self.is_busy():
            return
        self._loading = True
        try:
            w = self.widget
            text = "" if value is None else self.show(value) if self.show is not None else str(value)
            if isinstance(w, QLineEdit):
                if w.text() != text:
                    w.setText(text)
                    w.setCursorPosition(0)  # the start of a long text, not its end
            elif isinstance(w, QPlainTextEdit):
                if w.toPlainText() != text:
                    w.setPlainText(text)
            elif isinstance(w, QComboBox):
                i = w.findData("" if value is None else value)
                if i < 0 and w.isEditable():
                    w.setEditText(text)
                else:
                    w.setCurrentIndex(max(0, i))
                if w.isEditable():
                    w.lineEdit().setCursorPosition(0)
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, AgeEdit):
                w.set_value(value)
        finally:
            self._loading = False
        self._edited = False
        self.timer.stop()
        self._checked = None
        self.show_problems([])

    def is_busy(self) -> bool:
        """The user has typed something not yet applied (or not applicable)."""
        focus = self.widget.hasFocus() or any(c.hasFocus() for c in self.widget.findChildren(QWidget))
        return focus and self._edited and not _same(self.value(), self.form.current(self.key, self.sub))

    # --- checking and applying -----------------------------------------------------------
    def _typed(self, *_args) -> None:
        if not self._loading:
            self._edited = True
            self.timer.start()

    def _values(self) -> dict:
        value = self.value()
        return {self.key: {self.sub: value} if self.sub else value}

    def check(self) -> list:
        """Check what the widget holds now; show and return the problems."""
        self.timer.stop()
        target = self.form.target()
        editor = self.form.editor()
        if target is None or editor is None:
            return []  # nothing to check against yet (a role not written): applying makes it
        (key, value), = self._values().items()
        missing = self.widget.missing() if isinstance(self.widget, AgeEdit) else None
        try:
            problems = [_Message(missing)] if missing else editor.check_field(target, key, value)
        except EditError as exc:
            problems = [_Message(str(exc))]
        if self.sub:  # a key inside a mapping: only what is said of it (not of its neighbours)
            names = (self.sub, f"{self.key}.{self.sub}")
            problems = [p for p in problems if isinstance(p, _Message) or any(mentions(p.message, n) for n in names)]
        self._checked = (_norm(value), editor.workspace)
        self.show_problems(problems)
        return problems

    def commit(self) -> bool:
        """Apply the widget's value if it differs from the file's; True when applied."""
        if self._loading or self.form.editor() is None or not _ready(self.form):
            return False
        if _same(self.value(), self.form.current(self.key, self.sub)):
            self.timer.stop()
            self.show_problems([p for p in self.problems if not getattr(p, "is_error", True)])
            return False
        checked = self._checked
        editor = self.form.editor()
        if checked is not None and checked[0] == _norm(self._values()[self.key]) and checked[1] is editor.workspace:
            problems = self.problems  # checked as it was typed, nothing changed since: the edit reuses that read
        else:
            problems = self.check()
        if any(getattr(p, "is_error", True) for p in problems):
            return False
        try:
            self.form.apply(self._values())
        except EditError as exc:
            self.show_problems([_Message(str(exc))])
            return False
        self.show_problems(problems)  # warnings stay in view
        return True

    def show_problems(self, problems) -> None:
        self.problems = list(problems)
        if not problems:
            self.message.hide()
            self.message.setText("")
            return
        error = any(getattr(p, "is_error", True) for p in problems)
        lines = [getattr(p, "message", str(p)) for p in problems]
        if error:
            lines.append(_("Ikke lagt inn: rett feilen først."))
        self.message.setText("\n".join(lines))
        self.message.setStyleSheet(f"color: {ERROR_COLOUR if error else WARNING_COLOUR};")
        self.message.show()


def _ready(form) -> bool:
    ready = getattr(form, "ready", None)
    return ready() if callable(ready) else form.target() is not None


def lines_value(text: str) -> list[str] | None:
    """One entry per line (questions); no lines: None."""
    items = [line.strip() for line in text.splitlines() if line.strip()]
    return items or None


def lines_text(value) -> str:
    return "\n".join(value or ())


def refs_value(text: str) -> list[str] | None:
    """References separated by commas or spaces ("fastlege, bup")."""
    items = [part for part in text.replace(",", " ").split() if part]
    return items or None


def refs_text(value) -> str:
    return ", ".join(value or ())


class _Message:
    """An editor refusal shown like a problem (an error)."""

    is_error = True

    def __init__(self, message: str):
        self.message = message

    def __str__(self) -> str:
        return self.message


def _norm(v):
    if v is None or v == "" or v is False:
        return None
    if isinstance(v, (list, tuple)):
        return [str(x).strip() for x in v]
    return str(v).strip() if isinstance(v, str) else str(v)


def _same(a, b) -> bool:
    return _norm(a) == _norm(b)


def narrow(combo: QComboBox) -> QComboBox:
    """A combo box that may be narrower than its longest entry (a side panel's width)."""
    combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    return combo


def searchable(combo: QComboBox) -> QComboBox:
    """An editable combo box whose entries are found by any part of their text."""
    narrow(combo)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchContains)
    completer.setCaseSensitivity(Qt.CaseInsensitive)
    completer.setCompletionMode(QCompleter.PopupCompletion)
    combo.setCompleter(completer)
    combo.lineEdit().returnPressed.connect(lambda: _pick_first_match(combo))
    return combo


def _pick_first_match(combo: QComboBox) -> None:
    """Enter on a part of an entry's text picks the first entry the filter
    shows (the combo itself only takes a whole entry's text), as a click would."""
    text = combo.lineEdit().text().strip()
    if not text or combo.findText(text, Qt.MatchFixedString) >= 0:
        return  # empty, or a whole entry: QComboBox has taken it
    completer = combo.completer()
    completer.setCompletionPrefix(text)
    if completer.completionCount() == 0:
        return
    i = combo.findText(completer.completionModel().index(0, 0).data(), Qt.MatchExactly)
    if i >= 0:
        completer.popup().hide()
        combo.setCurrentIndex(i)
        combo.activated.emit(i)
