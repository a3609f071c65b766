"""«Dette stemmer ikke hos oss»: flag a card or a role text during a case.

The team (on the shared screen) or the facilitator picks the service, whether
its card or its role text in the case's pathway is wrong here (and which
heading, if one), and writes a short note. ``choice()`` gives what to pass to
``Session.raise_flag``; the case's controller does the rest (revision_ui).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout,
    QWidget,
)

from ..i18n import _
from ..model import ROLE_KEYS, Map, Pathway
from ..revision import heading_label


class FlagDialog(QDialog):
    def __init__(self, m: Map, pathway: Pathway | None, service_id: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.map, self.pathway = m, pathway
        self.setWindowTitle(_("Dette stemmer ikke hos oss"))
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        intro = QLabel(_("Flagget blir en gul status i fila, med merknaden din, og står i oppsummeringen av kasuset."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.service = QComboBox()
        services = sorted(m.tjenester, key=lambda s: s.navn.casefold())
        if service_id is not None:  # the card the menu was opened on, first
            services.sort(key=lambda s: s.id != service_id)
        for s in services:
            self.service.addItem(s.navn, s.id)
        self.service.currentIndexChanged.connect(lambda _i: self._update())
        form.addRow(_("Tjeneste"), self.service)
        self.card = QRadioButton(_("Tjenestekortet (navn, kontakt, beskrivelse)"))
        self.role = QRadioButton()
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.card)
        self.kind.addButton(self.role)
        self.card.setChecked(True)
        self.role.toggled.connect(lambda _on: self._update())
        form.addRow(_("Hva stemmer ikke"), self.card)
        form.addRow("", self.role)
        self.heading = QComboBox()
        form.addRow(_("Overskrift"), self.heading)
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("Hva er annerledes hos dere?"))
        form.addRow(_("Merknad"), self.note)
        lay.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(_("Flagg"))
        buttons.button(QDialogButtonBox.Cancel).setText(_("Avbryt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.note.setFocus(Qt.OtherFocusReason)
        self._update()

    def role_ref(self) -> str | None:
        """The role of the chosen service in the pathway (None: it has none there)."""
        p = self.pathway
        s = self.map.service(self.service.currentData())
        if p is None or s is None:
            return None
        return next((ref for ref in p.roller if s.matches(ref)), None)

    def _update(self) -> None:
        ref = self.role_ref()
        p = self.pathway
        if p is None:
            self.role.setText(_("Rolleteksten (kasuset har ikke noe forløp)"))
        elif ref is None:
            self.role.setText(_("Rolleteksten (tjenesten har ingen rolle i «{forlop}»)").format(forlop=p.navn))
        else:
            self.role.setText(_("Rolleteksten i forløpet «{forlop}»").format(forlop=p.navn))
        self.role.setEnabled(ref is not None)
        if ref is None and self.role.isChecked():
            self.card.setChecked(True)
        current = self.heading.currentData()
        self.heading.blockSignals(True)
        self.heading.clear()
        self.heading.addItem(_("Hele rolleteksten"), None)
        if ref is not None:
            role = p.roller[ref]
            for key in ROLE_KEYS:
                if getattr(role, key):
                    self.heading.addItem(heading_label(key), key)
        i = self.heading.findData(current)
        self.heading.setCurrentIndex(max(0, i))
        self.heading.blockSignals(False)
        self.heading.setEnabled(self.role.isChecked())

    def choice(self) -> dict:
        """The flag as ``Session.raise_flag`` takes it: kind, ref, note, pathway_id, heading, label."""
        s = self.map.service(self.service.currentData())
        if self.role.isChecked() and self.role_ref() is not None:
            return {"kind": "role", "ref": self.role_ref(), "note": self.note.text(), "pathway_id": self.pathway.id,
                    "heading": self.heading.currentData(),
                    "label": _("{forlop}: rollen til {navn}").format(forlop=self.pathway.navn, navn=s.navn)}
        return {"kind": "service", "ref": s.id, "note": self.note.text(), "pathway_id": None, "heading": None,
                "label": s.navn}
