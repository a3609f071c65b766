"""Choosing a case and the map to play it on."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget, QListWidgetItem,
    QVBoxLayout, QWidget,
)

from ..model import Case, Map, Workspace
from ..session.model import gaps
from .plain import plain_label
from ..i18n import _


def case_line(case: Case, pathway_name: str | None) -> str:
    bits = [case.tittel]
    meta = []
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
        for case in sorted(workspace.cases.values(), key=lambda c: c.tittel):
            p = workspace.pathway(case.forlop, case.malform) if case.forlop else None
            item = QListWidgetItem(case_line(case, p.navn if p else case.forlop))
            item.setData(Qt.UserRole, case.id)
            self.cases.addItem(item)
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
        self.cases.currentRowChanged.connect(self._update)
        self.maps.currentIndexChanged.connect(self._update)
        self.cases.itemDoubleClicked.connect(lambda _i: self.accept())
        if self.cases.count():
            self.cases.setCurrentRow(0)
        self._update()

    def select(self, case_id: str, map_id: str | None = None) -> None:
        for i in range(self.cases.count()):
            if self.cases.item(i).data(Qt.UserRole) == case_id:
                self.cases.setCurrentRow(i)
        if map_id is not None:
            self.maps.setCurrentIndex(self.maps.findData(map_id))

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
