"""Choosing a case and the map to play it on."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget, QListWidgetItem,
    QVBoxLayout, QWidget,
)

from ..loader import cases_for_and_others
from ..malform import malform_name
from ..model import Case, Map, Workspace
from ..session.model import gaps
from .plain import plain_label
from ..i18n import _


def case_line(case: Case, pathway_name: str | None, other_malform: bool = False) -> str:
    """The case as the picker lists it; ``other_malform``: written for maps in
    another målform than the chosen map's, which the line says first."""
    bits = [case.tittel]
    meta = [_("på {malform}").format(malform=malform_name(case.malform))] if other_malform else []
    if case.alder is not None:
        meta.append(_("{n} år").format(n=case.alder))
    if pathway_name:
        meta.append(_("forløp: {navn}").format(navn=pathway_name))
    meta.append(_("{n} steg").format(n=len(case.steg)))
    bits.append(" · ".join(meta))
    if case.ingress:
        bits.append(" ".join(case.ingress.split()))
    return "\n".join(bits)


class KasusDialog(QDialog):
    def __init__(self, workspace: Workspace, current_map: Map | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Start kasus"))
        self.resize(720, 520)
        self.workspace = workspace
        lay = QVBoxLayout(self)
        self.cases = QListWidget()
        self.cases.setWordWrap(True)
        self.cases.setAlternatingRowColors(True)
        f = self.cases.font()
        f.setPointSize(12)
        self.cases.setFont(f)
        self.maps = QComboBox()
        for m in workspace.maps.values():
            self.maps.addItem(m.navn, m.id)
        if current_map is not None:
            i = self.maps.findData(current_map.id)
            if i >= 0:
                self.maps.setCurrentIndex(i)
        self.gap_note = plain_label()  # names references from the files
        self.gap_note.setWordWrap(True)
        self.gap_note.setStyleSheet("color: #7a4b00;")
        self.empty = QLabel(_("Ingen kasus i den åpne mappen. Kasus ligger i mappen kasus/ ved siden av kart/."))
        self.empty.setWordWrap(True)
        self.empty.setVisible(not workspace.cases)
        lay.addWidget(QLabel(_("Velg kasus:")))
        lay.addWidget(self.empty)
        lay.addWidget(self.cases, 1)
        form = QFormLayout()
        form.addRow(_("Kart:"), self.maps)
        lay.addLayout(form)
        lay.addWidget(self.gap_note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(_("Start"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(_("Avbryt"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self._fill()
        self.cases.currentRowChanged.connect(self._update)
        self.maps.currentIndexChanged.connect(self._map_changed)
        self.cases.itemDoubleClicked.connect(lambda item: self.accept() if item.data(Qt.UserRole) else None)
        self._update()

    def _fill(self, keep: str | None = None) -> None:
        """The cases for the chosen map: those written in its målform, then the
        others under a heading that names their målform (loader.cases_for_and_others).
        ``keep``: the case to leave selected (else the first)."""
        ws = self.workspace
        m = ws.maps.get(self.maps.currentData())
        mine, others = cases_for_and_others(ws, m)
        self.cases.blockSignals(True)
        self.cases.clear()
        for case in mine:
            self._add(case, False)
        if others:
            names = sorted({malform_name(c.malform) for c in others})
            head = QListWidgetItem(_("Andre kasus, skrevet for kart på {malform}:").format(
                malform=" / ".join(names)))
            head.setFlags(Qt.NoItemFlags)  # a heading: not a case to choose
            f = head.font()
            f.setBold(True)
            head.setFont(f)
            self.cases.addItem(head)
        for case in others:
            self._add(case, True)
        rows = [i for i in range(self.cases.count()) if self.cases.item(i).data(Qt.UserRole)]
        chosen = next((i for i in rows if self.cases.item(i).data(Qt.UserRole) == keep), rows[0] if rows else -1)
        self.cases.setCurrentRow(chosen)
        self.cases.blockSignals(False)

    def _add(self, case: Case, other_malform: bool) -> None:
        p = self.workspace.pathway(case.forlop, case.malform) if case.forlop else None
        item = QListWidgetItem(case_line(case, p.navn if p else case.forlop, other_malform))
        item.setData(Qt.UserRole, case.id)
        if other_malform:
            item.setForeground(self.palette().placeholderText())
        self.cases.addItem(item)

    def _map_changed(self, *_a) -> None:
        item = self.cases.currentItem()
        self._fill(item.data(Qt.UserRole) if item else None)
        self._update()

    def select(self, case_id: str, map_id: str | None = None) -> None:
        if map_id is not None:
            self.maps.setCurrentIndex(self.maps.findData(map_id))
        for i in range(self.cases.count()):
            if self.cases.item(i).data(Qt.UserRole) == case_id:
                self.cases.setCurrentRow(i)

    def selected(self) -> tuple[Case | None, Map | None]:
        item = self.cases.currentItem()
        case = self.workspace.cases.get(item.data(Qt.UserRole)) if item else None
        m = self.workspace.maps.get(self.maps.currentData())
        return case, m

    def _update(self, *_a) -> None:
        case, m = self.selected()
        found = gaps(case, m) if case and m else []
        self.gap_note.setText(
            "\n".join(found + [_("Ikke en feil – det er et poeng for diskusjonen.")]) if found else "")
        self.gap_note.setVisible(bool(found))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(case is not None and m is not None)
