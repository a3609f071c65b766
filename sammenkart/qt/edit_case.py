"""The edit mode's panel for a case exercise: its title and introduction, and
its steps (add, delete, reorder; title, story, questions, the services
involved, the suggestion, the facilitator's notes).

The case chosen is the running session's, else the one picked in the list
(cases of the open folder). A running session follows the edits at once
(``window_sync`` gives it the new case).
"""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from ..i18n import N_, _
from .edit_fields import Field, lines_text, lines_value, refs_text, refs_value
from .edit_lists import ListWithButtons
from .edit_pathway import _Part, _text_box, add_field, form_tab
from . import live_text
from .plain import plain_label


class CaseEditor(QWidget):
    def __init__(self, ctl, parent=None):
        super().__init__(parent)
        self.ctl = ctl
        self.setProperty("owns_keys", True)
        self.case_id: str | None = None
        self.chooser = QComboBox()
        self.chooser.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        live_text.live(self.chooser, "setAccessibleName", N_("Velg kasus"))
        self.chooser.activated.connect(lambda _i: self._chosen())
        self.note = plain_label()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555555;")
        self.fields: list[Field] = []
        self.tabs = QTabWidget()

        self.tittel = QLineEdit()
        self.ingress = _text_box(110)
        part = _Part(self, self._file_target, self._case_value, self._set_case)
        form_tab(self.tabs, N_("Om kasuset"), part,
                 ((N_("Tittel"), "tittel", self.tittel), (N_("Ingress"), "ingress", self.ingress)), self.fields)

        steps = QWidget()
        sl = QVBoxLayout(steps)
        self.steps = ListWithButtons(N_("Nytt steg"))
        live_text.live(self.steps.list, "setAccessibleName", N_("Stegene i kasuset"))
        self.steps.list.setMaximumHeight(140)
        self.steps.add_requested.connect(self._add_step)
        self.steps.list.moved.connect(lambda a, b: self._edit(lambda cid: self.ctl.editor.move_case_step(cid, a, b), b))
        self.steps.list.delete_requested.connect(
            lambda i: self._edit(lambda cid: self.ctl.editor.remove_case_step(cid, i)))
        self.steps.list.currentRowChanged.connect(lambda _r: self._load_step())
        sl.addWidget(self.steps)
        step_form = QFormLayout()
        self.step_title = QLineEdit()
        self.text = _text_box(110)
        self.questions = _text_box(70)
        live_text.live(self.questions, "setPlaceholderText", N_("Tom: de tre standardspørsmålene"))
        self.involved = QLineEdit()
        live_text.live(self.involved, "setPlaceholderText", N_("for eksempel: skole, helsestasjon"))
        self.suggested = QLineEdit()
        self.facilitator = _text_box(70)
        step_part = _Part(self, self._step_target, self._step_value, self._set_step)
        for label, key, widget, parse, show in (
                (N_("Tittel"), "tittel", self.step_title, None, None), (N_("Tekst"), "tekst", self.text, None, None),
                (N_("Spørsmål (ett per linje)"), "sporsmal", self.questions, lines_value, lines_text),
                (N_("Involverte"), "involverte", self.involved, refs_value, refs_text),
                (N_("Forslag"), "forslag", self.suggested, refs_value, refs_text),
                (N_("Til fasilitator"), "fasilitator", self.facilitator, None, None)):
            f = add_field(step_form, self.fields, Field(step_part, key, widget, parse=parse, show=show), label)
            f.step_field = True
            live_text.live(widget, "setAccessibleName", N_("Steg: {what}"), what=live_text.Tr(label))
        sl.addLayout(step_form)
        self.tabs.addTab(steps, "")
        live_text.live(self.tabs, ("setTabText", 1), N_("Steg"))

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.chooser)
        lay.addWidget(self.note)
        lay.addWidget(self.tabs, 1)
        self._select = None
        self.refresh()

    # --- the case ---------------------------------------------------------------------------------
    def case(self):
        ws = self.ctl.window.workspace
        return ws.cases.get(self.case_id) if self.case_id else None

    def file_id(self) -> str | None:
        c = self.case()
        if c is None or c.path is None or self.ctl.editor is None:
            return None
        try:  # the file's stem is its id; the path says it is this folder's file
            doc = self.ctl.editor.document("case", c.path.stem)
        except Exception:  # noqa: BLE001 - not a file of this folder
            return None
        return doc.id if doc.path == c.path else None

    def _file_target(self):
        cid = self.file_id()
        return ("case", cid) if cid else None

    def _case_value(self, key):
        c = self.case()
        return getattr(c, key) if c is not None else None

    def _set_case(self, values: dict) -> None:
        self.ctl.editor.set_case(self.file_id(), **values)

    def _edit(self, fn, select: int | None = None) -> None:
        cid = self.file_id()
        if cid is None:
            return
        self._select = select
        self.ctl.run(lambda: fn(cid))

    def _chosen(self) -> None:
        self.case_id = self.chooser.currentData()
        self.refresh()

    # --- steps ------------------------------------------------------------------------------------------
    def _step_index(self) -> int | None:
        c, row = self.case(), self.steps.list.currentRow()
        return row if c is not None and 0 <= row < len(c.steg) else None

    def _step_target(self):
        cid, i = self.file_id(), self._step_index()
        return ("case_step", cid, i) if cid and i is not None else None

    def _step_value(self, key):
        c, i = self.case(), self._step_index()
        if c is None or i is None:
            return None
        value = getattr(c.steg[i], key)
        return list(value) if isinstance(value, (list, tuple)) else value

    def _set_step(self, values: dict) -> None:
        self.ctl.editor.set_case_step(self.file_id(), self._step_index(), **values)

    def _load_step(self) -> None:
        for f in self.fields:
            if getattr(f, "step_field", False):
                f.load(self._step_value(f.key))

    def _add_step(self) -> None:
        cid = self.file_id()
        if cid is None:
            return
        i = self._step_index()
        new = self.ctl.run(lambda: self.ctl.editor.add_case_step(
            cid, _("Nytt steg"), _("Hva skjer nå?"), index=i + 1 if i is not None else None))
        if new is not None:
            self.steps.list.setCurrentRow(new)
            self.step_title.setFocus()
            self.step_title.selectAll()

    # --- showing ------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        ws = self.ctl.window.workspace
        session = self.ctl.window.current_session()
        if session is not None:
            self.case_id = session.case.id
        if self.case_id not in ws.cases:
            self.case_id = next(iter(sorted(ws.cases)), None)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for cid, c in sorted(ws.cases.items(), key=lambda kv: kv[1].tittel):
            self.chooser.addItem(c.tittel, cid)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(self.case_id)))
        self.chooser.setEnabled(session is None)
        self.chooser.blockSignals(False)
        c = self.case()
        editable = c is not None and self.file_id() is not None
        self.tabs.setEnabled(editable)
        if c is None:
            self.note.setText(_("Mappen har ingen kasus."))
        elif session is not None:
            self.note.setText(_("Kasuset som kjører nå; endringene vises straks."))
        else:
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))
        for f in self.fields:
            if not getattr(f, "step_field", False):
                f.load(self._case_value(f.key))
        row = self._select if self._select is not None else self.steps.list.currentRow()
        self._select = None
        texts = [f"{n}. {st.tittel}" for n, st in enumerate(c.steg, 1)] if c is not None else []
        self.steps.list.fill(texts, row if row is not None and row >= 0 else (0 if texts else None))
        self._load_step()
