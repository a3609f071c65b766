"""The edit mode's panel for the pathway shown: its name and introduction, the
six headings of each role, the referral flow (add, delete, reorder, change
``fra``, ``til``, ``art``, ``nar``) and the checklist.

It works on the file of the pathway the window shows (``current_pathway``;
a nynorsk map shows, and so edits, ``angst.nn.yaml``). In a local adaptation
(``grunnlag``) the parts written in the shared text are shown but only
what the local file writes (or a role heading, which the editor then writes
locally) is edited; the panel says so.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QHBoxLayout, QTabWidget,
    QVBoxLayout, QWidget,
)

from ..i18n import N_, _
from ..model import ARTS, ROLE_KEYS
from ..style import art_label
from .edit_fields import Field, narrow, searchable
from .edit_lists import ListWithButtons
from .panels import ROLE_HEADINGS, service_names
from . import live_text
from .plain import plain_label


def _text_box(height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMaximumHeight(height)
    return box


def add_field(form: QFormLayout, fields: list, field: Field, label: str) -> Field:
    """``field``'s widget in ``form`` after ``label`` (marked with N_), its check
    message under it; ``field`` is kept in ``fields``."""
    fields.append(field)
    form.addRow(live_text.text(QLabel(), label), field.widget)
    form.addRow("", field.message)
    return field


def form_tab(tabs: QTabWidget, title: str, part: "_Part", rows, fields: list) -> QWidget:
    """A tab of ``tabs`` named ``title`` (marked with N_) holding one form row per
    (label, key, widget) of ``rows``, each a Field of ``part`` with its message
    under it; the Fields are added to ``fields``."""
    page = QWidget()
    lay = QVBoxLayout(page)
    form = QFormLayout()
    lay.addLayout(form)
    lay.addStretch(1)
    for label, key, widget in rows:
        add_field(form, fields, Field(part, key, widget), label)
        live_text.live(widget, "setAccessibleName", label)
    index = tabs.addTab(page, "")
    live_text.live(tabs, ("setTabText", index), title)
    return page


class _Part:
    """What a group of fields edits (the ``form`` of ``edit_fields.Field``)."""

    def __init__(self, panel, target, current, apply, ready=None):
        self.panel, self._target, self._current, self._apply, self._ready = panel, target, current, apply, ready

    def editor(self):
        return self.panel.ctl.editor

    def target(self):
        return self._target()

    def ready(self) -> bool:
        return self._ready() if self._ready is not None else self._target() is not None

    def current(self, key, sub=None):
        return self._current(key)

    def apply(self, values: dict) -> None:
        self._apply(values)


class PathwayEditor(QWidget):
    def __init__(self, ctl, parent=None):
        super().__init__(parent)
        self.ctl = ctl
        self.setProperty("owns_keys", True)
        self.title = plain_label()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.note = plain_label()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555555;")
        self.tabs = QTabWidget()
        self.fields: list[Field] = []

        # about the pathway
        self.navn = QLineEdit()
        self.beskrivelse = _text_box(120)
        part = _Part(self, self._file_target, self._pathway_value, self._set_pathway)
        form_tab(self.tabs, N_("Om forløpet"), part,
                 ((N_("Navn"), "navn", self.navn), (N_("Innledning"), "beskrivelse", self.beskrivelse)), self.fields)

        # roles
        roles = QWidget()
        rl = QVBoxLayout(roles)
        row = QHBoxLayout()
        self.reference = searchable(QComboBox())
        live_text.live(self.reference, "setAccessibleName", N_("Rolle for"))
        self.reference.activated.connect(lambda _i: self._load_role())
        self.reference.lineEdit().editingFinished.connect(self._load_role)
        self.remove_role_button = live_text.text(QPushButton(), N_("Slett rollen"))
        self.remove_role_button.clicked.connect(self._remove_role)
        row.addWidget(live_text.text(QLabel(), N_("Rolle for:")))
        row.addWidget(self.reference, 1)
        row.addWidget(self.remove_role_button)
        rl.addLayout(row)
        role_form = QFormLayout()
        role_part = _Part(self, self._role_target, self._role_value, self._set_role, ready=lambda: bool(self._ref()))
        self.role_boxes = {}
        for key in ROLE_KEYS:
            box = _text_box()
            live_text.live(box, "setAccessibleName", ROLE_HEADINGS[key])
            self.role_boxes[key] = box
            add_field(role_form, self.fields, Field(role_part, key, box), ROLE_HEADINGS[key])
        rl.addLayout(role_form)
        rl.addStretch(1)
        self.tabs.addTab(roles, "")
        live_text.live(self.tabs, ("setTabText", 1), N_("Roller"))

        # the flow
        flow = QWidget()
        fl_lay = QVBoxLayout(flow)
        self.steps = ListWithButtons(N_("Nytt steg"))
        live_text.live(self.steps.list, "setAccessibleName", N_("Stegene i flyten"))
        self.steps.add_requested.connect(self._add_step)
        self.steps.list.moved.connect(
            lambda a, b: self._edit(lambda fid: self.ctl.editor.move_step(fid, a, b), ("steps", b)))
        self.steps.list.delete_requested.connect(lambda i: self._edit(lambda fid: self.ctl.editor.remove_step(fid, i)))
        self.steps.list.currentRowChanged.connect(lambda _r: self._load_step())
        fl_lay.addWidget(self.steps, 1)
        step_form = QFormLayout()
        self.fra, self.til = searchable(QComboBox()), searchable(QComboBox())
        self.art = narrow(QComboBox())
        for art in ARTS:
            self.art.addItem("", art)
        self._art_texts()
        self.nar = _text_box(60)
        step_part = _Part(self, self._step_target, self._step_value, self._set_step)
        for label, key, widget in ((N_("Fra"), "fra", self.fra), (N_("Til"), "til", self.til),
                                   (N_("Art"), "art", self.art), (N_("Når"), "nar", self.nar)):
            add_field(step_form, self.fields, Field(step_part, key, widget), label)
            live_text.live(widget, "setAccessibleName", N_("Steg: {what}"), what=live_text.Tr(label))
        fl_lay.addLayout(step_form)
        self.tabs.addTab(flow, "")
        live_text.live(self.tabs, ("setTabText", 2), N_("Flyt"))

        # the checklist
        check = QWidget()
        ck_lay = QVBoxLayout(check)
        self.checklist = ListWithButtons(N_("Nytt punkt"))
        live_text.live(self.checklist.list, "setAccessibleName", N_("Sjekkliste for henvisning"))
        self.checklist.add_requested.connect(self._add_item)
        self.checklist.list.moved.connect(
            lambda a, b: self._edit(lambda fid: self.ctl.editor.move_checklist_item(fid, a, b), ("checklist", b)))
        self.checklist.list.delete_requested.connect(
            lambda i: self._edit(lambda fid: self.ctl.editor.remove_checklist_item(fid, i)))
        self.checklist.list.itemChanged.connect(self._item_edited)
        hint = live_text.text(plain_label(), N_("Dobbeltklikk eller F2 for å skrive i et punkt."))
        hint.setStyleSheet("color: #555555;")
        ck_lay.addWidget(self.checklist, 1)
        ck_lay.addWidget(hint)
        self.tabs.addTab(check, "")
        live_text.live(self.tabs, ("setTabText", 3), N_("Sjekkliste"))

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.title)
        lay.addWidget(self.note)
        lay.addWidget(self.tabs, 1)
        self.refresh()

    # --- the file -------------------------------------------------------------------------------
    def pathway(self):
        return self.ctl.window.current_pathway()

    def file_id(self) -> str | None:
        p = self.pathway()
        if p is None or p.path is None or self.ctl.editor is None:
            return None
        try:  # the file's stem is its id ("angst.nn"); the path says it is this folder's file
            doc = self.ctl.editor.document("pathway", p.path.stem)
        except Exception:  # noqa: BLE001 - not a file of this folder
            return None
        return doc.id if doc.path == p.path else None

    def _local(self, key: str) -> bool:
        p = self.pathway()
        return p is not None and (not p.is_adaptation or key in p.adapted)

    def _file_target(self):
        fid = self.file_id()
        return ("pathway", fid) if fid else None

    def _pathway_value(self, key):
        p = self.pathway()
        return getattr(p, key) if p is not None else None

    def _set_pathway(self, values: dict) -> None:
        self.ctl.editor.set_pathway(self.file_id(), **values)

    def _edit(self, fn, select: tuple | None = None) -> None:
        fid = self.file_id()
        if fid is None:
            return
        self._select = select
        self.ctl.run(lambda: fn(fid))

    # --- roles ------------------------------------------------------------------------------------
    def _ref(self) -> str | None:
        text = self.reference.currentText().strip()
        i = self.reference.findText(text)
        return (self.reference.itemData(i) if i >= 0 else text) or None

    def _role_target(self):
        fid, ref, p = self.file_id(), self._ref(), self.pathway()
        if fid is None or not ref or p is None:
            return None
        try:
            node = self.ctl.editor.document("pathway", fid).tree().node(("roller", ref))
        except Exception:  # noqa: BLE001
            return None
        return ("role", fid, ref) if node is not None else None

    def _role_value(self, key):
        p, ref = self.pathway(), self._ref()
        role = p.roller.get(ref) if p is not None and ref else None
        return getattr(role, key) if role is not None else None

    def _set_role(self, values: dict) -> None:
        self.ctl.editor.set_role(self.file_id(), self._ref(), **values)

    def _load_role(self) -> None:
        for f in self.fields:
            if f.key in ROLE_KEYS and f.widget in self.role_boxes.values():
                f.load(self._role_value(f.key))
        self.remove_role_button.setEnabled(self._role_target() is not None)

    def _remove_role(self) -> None:
        ref = self._ref()
        if ref:
            self._edit(lambda fid: self.ctl.editor.remove_role(fid, ref))

    # --- flow steps -------------------------------------------------------------------------------
    def _step_index(self) -> int | None:
        row = self.steps.list.currentRow()
        p = self.pathway()
        return row if p is not None and 0 <= row < len(p.flyt) else None

    def _step_target(self):
        fid, i = self.file_id(), self._step_index()
        return ("step", fid, i) if fid and i is not None and self._local("flyt") else None

    def _step_value(self, key):
        p, i = self.pathway(), self._step_index()
        return getattr(p.flyt[i], key) if p is not None and i is not None else None

    def _set_step(self, values: dict) -> None:
        self.ctl.editor.set_step(self.file_id(), self._step_index(), **values)

    def _load_step(self) -> None:
        for f in self.fields:
            if f.key in ("fra", "til", "art", "nar"):
                f.load(self._step_value(f.key))

    def _add_step(self) -> None:
        p, i = self.pathway(), self._step_index()
        if p is None:
            return
        here = p.flyt[i] if i is not None else (p.flyt[-1] if p.flyt else None)
        fra = here.til if here is not None else (self.fra.itemData(1) or "fastlege")
        til = fra
        at = (i + 1) if i is not None else None
        fid = self.file_id()
        if fid is None:
            return
        new = self.ctl.run(lambda: self.ctl.editor.add_step(fid, fra, til, index=at))
        if new is not None:
            self.steps.list.setCurrentRow(new)
            self.til.setFocus()

    # --- checklist ----------------------------------------------------------------------------------
    def _add_item(self) -> None:
        fid = self.file_id()
        if fid is None:
            return
        row = self.checklist.list.currentRow()
        new = self.ctl.run(lambda: self.ctl.editor.add_checklist_item(
            fid, _("Nytt punkt"), index=row + 1 if row >= 0 else None))
        if new is not None:
            self.checklist.list.setCurrentRow(new)
            self.checklist.list.editItem(self.checklist.list.item(new))

    def _item_edited(self, item) -> None:
        if self.checklist.list._filling:
            return
        row = self.checklist.list.row(item)
        p = self.pathway()
        if p is None or not 0 <= row < len(p.sjekkliste):
            return
        text = item.text().strip()
        if not text:
            self.refresh()
            return
        if text != p.sjekkliste[row]:
            self._edit(lambda fid: self.ctl.editor.set_checklist_item(fid, row, text), ("checklist", row))

    # --- showing ------------------------------------------------------------------------------------
    def _art_texts(self) -> None:
        for i in range(self.art.count()):
            self.art.setItemText(i, art_label(self.art.itemData(i)))

    def retranslate(self) -> None:
        """The texts made here in the current language (the rest are kept by ``live_text``)."""
        self._art_texts()
        self.refresh()

    def refresh(self) -> None:
        p = self.pathway()
        m = self.ctl.window.current_map()
        fid = self.file_id()
        editable = p is not None and fid is not None
        self.tabs.setEnabled(editable)
        if p is None:
            self.title.setText(_("Velg et forløp i lista «Kart og forløp» for å redigere det."))
        else:
            self.title.setText(_("{navn} ({file})").format(navn=p.navn, file=p.path.name if p.path else "?"))
        notes = []
        if p is not None and fid is None:
            notes.append(_("Forløpet ligger ikke i den åpne mappen og kan ikke redigeres her."))
        if p is not None and p.is_adaptation:
            shared = [k for k in ("flyt", "sjekkliste") if k not in p.adapted]
            if shared:
                notes.append(_("Lokal tilpasning: {parts} kommer fra den felles teksten og redigeres der. "
                               "Rolletekster du skriver her, blir lokale.").format(parts=", ".join(shared)))
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))
        which, select = getattr(self, "_select", None) or (None, None)
        self._select = None
        for f in self.fields:
            if f.key in ("navn", "beskrivelse") and f.widget in (self.navn, self.beskrivelse):
                f.load(self._pathway_value(f.key))
        # references: the roles written, then the map's services' roles
        refs: dict[str, str] = {}
        if p is not None:
            for ref in p.roller:
                refs[ref] = ref
        if m is not None:
            for s in m.tjenester:
                refs.setdefault(s.role, s.role)
        chosen = self._ref()
        self.reference.blockSignals(True)
        self.reference.clear()
        for ref in refs:
            label = service_names(m, [x.id for x in m.resolve(ref)], ref) if m is not None else ref
            self.reference.addItem(f"{label} ({ref})" if label != ref else ref, ref)
        if chosen is None and self.reference.count():
            chosen = self.reference.itemData(0)
        i = self.reference.findData(chosen)
        if i >= 0:
            self.reference.setCurrentIndex(i)
        else:
            self.reference.setEditText(chosen or "")
        self.reference.blockSignals(False)
        self._load_role()
        # steps
        row = select if which == "steps" else self.steps.list.currentRow()
        texts = []
        if p is not None and m is not None:
            for n, st in enumerate(p.flyt, 1):
                fra = service_names(m, [s.id for s in m.resolve(st.fra)], st.fra)
                til = service_names(m, [s.id for s in m.resolve(st.til)], st.til)
                texts.append(f"{n}. {fra} → {til} ({art_label(st.art)})")
        self.steps.list.fill(texts, row if row is not None and row >= 0 else (0 if texts else None))
        self.steps.set_enabled_all(self._local("flyt"))
        for combo in (self.fra, self.til):
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            for ref in refs:
                combo.addItem(self.reference.itemText(self.reference.findData(ref)), ref)
            combo.setEditText(current)
            combo.blockSignals(False)
        for w in (self.fra, self.til, self.art, self.nar):
            w.setEnabled(self._local("flyt"))
        self._load_step()
        # checklist
        crow = select if which == "checklist" else self.checklist.list.currentRow()
        self.checklist.list.fill(list(p.sjekkliste) if p is not None else [], crow, editable=True)
        self.checklist.set_enabled_all(self._local("sjekkliste"))
