"""The edit mode's form for one service: every field, its links, add/copy/delete.

Each field is checked as the user types (``edit_fields.Field``: the
validator's messages under it) and applied through the window's one editor
when the user is done with it. What the form shows is read from
``window.workspace`` every time something changed (``refresh``); it keeps
only which service it shows.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from ..i18n import N_, _
from ..model import ACCESS, SECTORS
from ..roles import STANDARD_ROLES
from ..style import sector_label
from .edit_fields import AgeEdit, Field, narrow, searchable
from . import live_text
from .plain import plain_label



def access_label(value: str) -> str:
    return {"direkte": _("direkte – familien tar kontakt selv"), "henvisning": _("krever henvisning")}.get(value, value)


def role_entries(malform: str | None) -> list[tuple[str, str]]:
    """(label, type) of the standard roles, for the searchable type list."""
    return [(f"{r.navn(malform)} ({t})", t) for t, r in STANDARD_ROLES.items()]


class ServiceForm(QWidget):
    """``ctl`` is the edit controller (``edit_ui.EditController``)."""

    def __init__(self, ctl, parent=None):
        super().__init__(parent)
        self.ctl = ctl
        self.service_id: str | None = None
        self.setProperty("owns_keys", True)  # its buttons and lists take the keys (keys.py)

        self.chooser = searchable(QComboBox())
        live_text.live(self.chooser, "setAccessibleName", N_("Velg tjeneste"))
        live_text.live(self.chooser.lineEdit(), "setPlaceholderText", N_("Velg tjeneste, eller klikk et kort …"))
        self.chooser.activated.connect(lambda _i: self._chosen())
        self.new_button = live_text.text(QPushButton(), N_("Ny"))
        live_text.tip(self.new_button, N_("Ny tjeneste (Ctrl+Shift+N)"))
        self.copy_button = live_text.text(QPushButton(), N_("Dupliser"))
        live_text.tip(self.copy_button, N_("Dupliser tjenesten (Ctrl+D)"))
        self.delete_button = live_text.text(QPushButton(), N_("Slett"))
        live_text.tip(self.delete_button, N_("Slett tjenesten (Delete på kartet)"))
        self.new_button.clicked.connect(lambda: ctl.add_service())
        self.copy_button.clicked.connect(lambda: ctl.duplicate_service())
        self.delete_button.clicked.connect(lambda: ctl.delete_service())
        top = QVBoxLayout()
        top.addWidget(self.chooser)
        row = QHBoxLayout()
        for b in (self.new_button, self.copy_button, self.delete_button):
            row.addWidget(b)
        top.addLayout(row)

        self.note = plain_label()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555555;")

        self.navn = QLineEdit()
        self.ident = QLineEdit()
        live_text.tip(self.ident, N_("Id-en forløp, kasus og samarbeid viser til (små bokstaver a–z, tall og "
                                     "bindestrek). En ny tjeneste får den fra navnet; endrer du den, følger "
                                     "referansene til den med."))
        self.type = searchable(QComboBox())
        live_text.tip(self.type, N_("Standardrollen tjenesten fyller (forløp og kasus viser til den); søk i lista"))
        self.niva = narrow(QComboBox())
        self.sektor = narrow(QComboBox())
        for sector in SECTORS:
            self.sektor.addItem("", sector)
        self.tilgang = narrow(QComboBox())
        for value in ("", *ACCESS):
            self.tilgang.addItem("", value)
        self._choice_texts()
        self.beskrivelse = QPlainTextEdit()
        self.beskrivelse.setTabChangesFocus(True)
        self.beskrivelse.setMaximumHeight(96)
        self.alder = AgeEdit()
        self.kommune = QLineEdit()
        self.telefon, self.epost, self.nettside, self.adresse = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.nettside.setPlaceholderText("https://")
        self.intern = live_text.text(QCheckBox(), N_("Bare for fagfolk (intern)"))
        live_text.tip(self.intern, N_("Kontakten vises i programmet, men aldri på plakater og brosjyrer"))

        self.fields: list[Field] = []
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        for label, key, widget, sub in (
                (N_("Navn"), "navn", self.navn, None), (N_("Id"), "id", self.ident, None),
                (N_("Type"), "type", self.type, None),
                (N_("Nivå"), "niva", self.niva, None), (N_("Sektor"), "sektor", self.sektor, None),
                (N_("Tilgang"), "tilgang", self.tilgang, None), (N_("Beskrivelse"), "beskrivelse", self.beskrivelse, None),
                (N_("Alder"), "alder", self.alder, None), (N_("Kommune"), "kommune", self.kommune, None),
                (N_("Telefon"), "kontakt", self.telefon, "telefon"), (N_("E-post"), "kontakt", self.epost, "epost"),
                (N_("Nettside"), "kontakt", self.nettside, "nettside"), (N_("Adresse"), "kontakt", self.adresse, "adresse"),
                ("", "kontakt", self.intern, "intern")):
            f = Field(self, key, widget, sub)
            self.fields.append(f)
            form.addRow(live_text.text(QLabel(), label) if label else QLabel(), widget)
            form.addRow("", f.message)
            if label:
                live_text.live(widget, "setAccessibleName", label)

        self.place = plain_label()
        self.unpin = live_text.text(QPushButton(), N_("Løsne"))
        live_text.tip(self.unpin, N_("Ta bort den faste plasseringen: kartet plasserer kortet selv"))
        self.unpin.clicked.connect(lambda: ctl.unpin())
        place_row = QHBoxLayout()
        place_row.addWidget(self.place, 1)
        place_row.addWidget(self.unpin)
        form.addRow(live_text.text(QLabel(), N_("Plassering")), place_row)

        # collaboration links of this service
        self.links = QListWidget()
        live_text.live(self.links, "setAccessibleName", N_("Samarbeid"))
        self.links.setMaximumHeight(110)
        self.links.setWordWrap(True)
        self.links.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.links.currentRowChanged.connect(lambda _r: self._link_chosen())
        self.link_note = QLineEdit()
        live_text.live(self.link_note, "setPlaceholderText", N_("Merknad til valgt samarbeid"))
        live_text.live(self.link_note, "setAccessibleName", N_("Merknad til valgt samarbeid"))
        self.link_note.editingFinished.connect(self._link_note_done)
        self.remove_link_button = live_text.text(QPushButton(), N_("Slett samarbeid"))
        self.remove_link_button.clicked.connect(self._remove_link)
        self.link_to = searchable(QComboBox())
        live_text.live(self.link_to, "setAccessibleName", N_("Nytt samarbeid med"))
        self.add_link_button = live_text.text(QPushButton(), N_("Legg til"))
        self.add_link_button.clicked.connect(self._add_link)
        link_buttons = QHBoxLayout()
        link_buttons.addWidget(self.link_note, 1)
        link_buttons.addWidget(self.remove_link_button)
        add_row = QHBoxLayout()
        add_row.addWidget(live_text.text(QLabel(), N_("Med:")))
        add_row.addWidget(self.link_to, 1)
        add_row.addWidget(self.add_link_button)

        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.note)
        lay.addLayout(form)
        heading = live_text.text(QLabel(), N_("Samarbeid (streker på kartet)"))
        heading.setStyleSheet("font-weight: bold;")
        lay.addWidget(heading)
        lay.addWidget(self.links)
        lay.addLayout(link_buttons)
        lay.addLayout(add_row)
        lay.addStretch(1)
        self.body = body
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # the fields take the panel's width
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addLayout(top)
        outer.addWidget(scroll, 1)
        self.refresh()

    def _choice_texts(self) -> None:
        """The names of the sectors and of tilgang in the current language."""
        for i in range(self.sektor.count()):
            self.sektor.setItemText(i, sector_label(self.sektor.itemData(i)))
        for i in range(self.tilgang.count()):
            value = self.tilgang.itemData(i)
            self.tilgang.setItemText(i, access_label(value) if value else _("ikke oppgitt"))

    def retranslate(self) -> None:
        """The texts made here in the current language (the rest are kept by ``live_text``)."""
        self._choice_texts()
        self.type.setProperty("malform", "?")  # the type list again, with its first entry
        self.refresh()

    # --- what the fields ask ------------------------------------------------------------
    def editor(self):
        return self.ctl.editor

    def _map(self):
        return self.ctl.window.current_map()

    def service(self):
        m = self._map()
        return m.service(self.service_id) if m is not None and self.service_id else None

    def target(self):
        m = self._map()
        if m is None or self.service_id is None or self.ctl.editor is None:
            return None
        return ("service", m.id, self.service_id)

    def current(self, key: str, sub: str | None = None):
        s = self.service()
        if s is None:
            return None
        if key == "kontakt":
            value = getattr(s.kontakt, sub)
            return value or None
        if key == "type":
            return s.type or None
        if key == "alder":
            return list(s.alder) if s.alder else None
        return getattr(s, key)

    def apply(self, values: dict) -> None:
        m = self._map()
        if "id" in values:  # another id: what names it follows (Editor.rename_service)
            self.ctl.editor.rename_service(m.id, self.service_id, values["id"])
            return
        self.ctl.editor.set_service(m.id, self.service_id, **values)

    def follow(self, renamed) -> None:
        """The service shown got another id (``Change.renamed``): keep showing it."""
        for old, new in renamed:
            if self.service_id == old:
                self.service_id = new

    # --- showing --------------------------------------------------------------------------
    def show_service(self, service_id: str | None) -> None:
        self.service_id = service_id
        self.refresh()
        self.ctl.window.refresh_stress()  # its card's selection outline (ctl.selected_service)

    def refresh(self) -> None:
        """Everything as the workspace has it now (called after every change)."""
        m = self._map()
        s = self.service()
        if m is not None and self.service_id is not None and s is None:
            gone = self.service_id not in {d.id for d in m.tjenester}
            if gone and not self._in_file():
                self.service_id = None
        names = tuple(sorted(((sv.navn, sv.id) for sv in m.tjenester), key=lambda t: t[0].casefold())) if m else ()
        fill = names != getattr(self, "_names", None)  # a region has thousands: fill only when they changed
        self._names = names
        self.chooser.blockSignals(True)
        if fill:
            self.chooser.clear()
            for navn, sid in names:
                self.chooser.addItem(navn, sid)
        i = self.chooser.findData(self.service_id) if self.service_id else -1
        self.chooser.setCurrentIndex(i)
        if i < 0:
            self.chooser.setEditText("")
        self.chooser.blockSignals(False)
        self._fill_choices(m)
        has = s is not None
        for w in (self.copy_button, self.delete_button, self.body):
            w.setEnabled(has or (w is self.delete_button and self.service_id is not None))
        self.new_button.setEnabled(m is not None and self.ctl.editor is not None)
        if self.service_id is None:
            self.note.setText(_("Klikk et kort på kartet, eller velg en tjeneste i lista over. "
                                "Dra kortet til et annet nivå for å flytte det; Shift+dra til et annet kort "
                                "tegner et samarbeid."))
        elif s is None:
            self.note.setText(_("«{id}» har en feil i fila og vises ikke på kartet; se Problemer.").format(
                id=self.service_id))
        else:
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))
        for f in self.fields:
            f.load(self.current(f.key, f.sub))
        if s is not None and s.plassering:
            self.place.setText(_("festet ved ({x}, {y})").format(x=s.plassering[0], y=s.plassering[1]))
        else:
            self.place.setText(_("automatisk"))
        self.unpin.setEnabled(bool(s is not None and s.plassering))
        self._fill_links(m, s)

    def _in_file(self) -> bool:
        m = self._map()
        ed = self.ctl.editor
        if ed is None or m is None:
            return False
        try:
            return ed.document("map", m.id).tree().find_item(("tjenester",), "id", self.service_id) is not None
        except Exception:  # noqa: BLE001 - a file that cannot be read as YAML now
            return False

    def _fill_choices(self, m) -> None:
        malform = m.malform if m else None
        self.type.blockSignals(True)
        if self.type.count() == 0 or self.type.property("malform") != malform:
            self.type.clear()
            self.type.addItem(_("(ingen: id-en er typen)"), "")
            for label, t in role_entries(malform):
                self.type.addItem(label, t)
            self.type.setProperty("malform", malform)
        self.type.blockSignals(False)
        levels = [(lv.id, lv.navn) for lv in reversed(m.levels_bottom_up())] if m else []
        if [(self.niva.itemData(i), self.niva.itemText(i)) for i in range(self.niva.count())] != \
                [(i, f"{i} – {n}") for i, n in levels]:
            self.niva.blockSignals(True)
            self.niva.clear()
            for lid, name in levels:
                self.niva.addItem(f"{lid} – {name}", lid)
            self.niva.blockSignals(False)

    def _fill_links(self, m, s) -> None:
        self.links.blockSignals(True)
        chosen = self.links.currentItem().data(Qt.UserRole) if self.links.currentItem() else None
        self.links.clear()
        if m is not None and s is not None:
            for link in m.samarbeid:
                a, b = link.mellom
                if not (s.matches(a) or s.matches(b)):
                    continue
                other = b if s.matches(a) else a
                names = ", ".join(x.navn for x in m.resolve(other)) or _("«{ref}» (finnes ikke i kartet)").format(ref=other)
                text = "↔ " + names + (f" – {link.merknad}" if link.merknad else "")
                item = QListWidgetItem(text, self.links)
                item.setData(Qt.UserRole, (a, b))
                item.setData(Qt.UserRole + 1, link.merknad or "")
                if (a, b) == chosen:
                    self.links.setCurrentItem(item)
        self.links.blockSignals(False)
        self._link_chosen()
        self.link_to.blockSignals(True)
        if getattr(self, "_link_names", None) is not self._names:
            self.link_to.clear()
            for navn, sid in self._names:  # itself too: the editor refuses a link to itself
                self.link_to.addItem(navn, sid)
            self._link_names = self._names
        self.link_to.setCurrentIndex(-1)
        self.link_to.blockSignals(False)

    # --- actions ---------------------------------------------------------------------------
    def _chosen(self) -> None:
        sid = self.chooser.currentData()
        if sid:
            self.ctl.choose_service(sid)

    def _link_chosen(self) -> None:
        item = self.links.currentItem()
        self.remove_link_button.setEnabled(item is not None)
        self.link_note.setEnabled(item is not None)
        if not self.link_note.hasFocus():
            self.link_note.setText(item.data(Qt.UserRole + 1) if item is not None else "")

    def _link_note_done(self) -> None:
        item = self.links.currentItem()
        if item is None:
            return
        text = self.link_note.text().strip() or None
        if (text or "") != item.data(Qt.UserRole + 1):
            a, b = item.data(Qt.UserRole)
            self.ctl.run(lambda: self.ctl.editor.set_link(self._map().id, a, b, merknad=text))

    def _remove_link(self) -> None:
        item = self.links.currentItem()
        if item is not None:
            a, b = item.data(Qt.UserRole)
            self.ctl.run(lambda: self.ctl.editor.remove_link(self._map().id, a, b))

    def _add_link(self) -> None:
        other = self.link_to.currentData()
        if other and self.service_id:
            self.ctl.add_link(self.service_id, other)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Delete and self.links.hasFocus():
            self._remove_link()
            return
        super().keyPressEvent(event)
