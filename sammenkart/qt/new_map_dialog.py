"""*Fil → Nytt kart…*: a municipality's name, its målform, the standard services
to start with and where the folder goes; makes the folder with
``editing.template.new_folder`` (the bundled pathways and cases come along)
or, without them, just the map (``new_map``), and the window opens it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
)

from ..editing import EditError, new_folder, new_map, slug
from ..editing.template import starter_types
from .. import i18n
from ..i18n import _
from ..os_errors import describe
from ..roles import STANDARD_ROLES
from ..textsearch import fold
from .plain import plain_label


def default_malform(window) -> str:
    """The målform a new map starts in: the one the window speaks (a nynorsk
    window: nynorsk); in an English window the shown map's, else bokmål."""
    lang = i18n.current_language()
    if lang in ("nb", "nn"):
        return lang
    current = getattr(window, "current_map", None)
    m = current() if callable(current) else None
    return i18n.normalise(getattr(m, "malform", None)) or i18n.SOURCE


class NewMapDialog(QDialog):
    made = Signal(str)  # the folder to open

    def __init__(self, parent=None, bundled=None):
        super().__init__(parent)
        self.setWindowTitle(_("Nytt kart"))
        self.bundled = bundled
        self.name = QLineEdit()
        self.name.setPlaceholderText(_("for eksempel: Fjordvik"))
        self.name.textEdited.connect(self._name_edited)
        self.malform = QComboBox()
        self.malform.addItem(_("bokmål"), "nb")
        self.malform.addItem(_("nynorsk"), "nn")
        self.malform.setCurrentIndex(self.malform.findData(default_malform(parent)))
        self.malform.currentIndexChanged.connect(lambda _i: self._fill_services())
        self.folder = QLineEdit()
        self.folder.setAccessibleName(_("Mappe"))
        self._folder_touched = False
        self.folder.textEdited.connect(lambda _t: setattr(self, "_folder_touched", True))
        browse = QPushButton(_("Velg…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.with_pathways = QCheckBox(_("Ta med forløpene og kasusene som følger med programmet"))
        self.with_pathways.setChecked(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Søk i standardtjenestene"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.services = QListWidget()
        self.services.setAccessibleName(_("Standardtjenester å starte med"))
        self.count = QLabel()
        self.services.itemChanged.connect(lambda _i: self._count())
        self.error = plain_label()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

        form = QFormLayout()
        form.addRow(_("Kommunens navn:"), self.name)
        form.addRow(_("Målform:"), self.malform)
        form.addRow(_("Mappe:"), folder_row)
        form.addRow("", self.with_pathways)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(_("Lag kartet"))
        buttons.button(QDialogButtonBox.Cancel).setText(_("Avbryt"))
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        heading = QLabel(_("Tjenester å starte med (du kan legge til og ta bort senere):"))
        heading.setWordWrap(True)
        lay.addWidget(heading)
        lay.addWidget(self.filter)
        lay.addWidget(self.services, 1)
        lay.addWidget(self.count)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.resize(560, 620)
        self._fill_services()
        self._name_edited("")

    def _bundled(self):
        if self.bundled is None:
            from ..loader import load_bundled

            self.bundled = load_bundled()
        return self.bundled

    def _fill_services(self) -> None:
        malform = self.malform.currentData()
        ws = self._bundled()
        pathways = [p for p in (ws.pathway(pid, malform) for pid in ws.pathway_ids()) if p is not None]
        cases = [c for c in ws.cases.values() if c.malform == malform]
        wanted = set(starter_types(pathways, cases))
        keep = {self.services.item(i).data(Qt.UserRole): self.services.item(i).checkState()
                for i in range(self.services.count())}
        self.services.blockSignals(True)
        self.services.clear()
        for t, role in STANDARD_ROLES.items():
            item = QListWidgetItem(f"{role.navn(malform)} ({t})", self.services)
            item.setData(Qt.UserRole, t)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(keep.get(t, Qt.Checked if t in wanted else Qt.Unchecked))
        self.services.blockSignals(False)
        self._filter(self.filter.text())
        self._count()

    def _filter(self, text: str) -> None:
        needle = fold(text.strip())
        for i in range(self.services.count()):
            item = self.services.item(i)
            item.setHidden(bool(needle) and needle not in fold(item.text()))

    def _count(self) -> None:
        self.count.setText(_("{n} valgt").format(n=len(self.chosen())))

    def chosen(self) -> list[str]:
        return [self.services.item(i).data(Qt.UserRole) for i in range(self.services.count())
                if self.services.item(i).checkState() == Qt.Checked]

    def _name_edited(self, text: str) -> None:
        if not self._folder_touched:
            base = Path.home() / "Sammenkart"
            self.folder.setText(str(base / (slug(text) or "nytt-kart")))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Mappe for det nye kartet"), self.folder.text())
        if folder:
            self.folder.setText(folder)
            self._folder_touched = True

    def create(self) -> str | None:
        """Make the folder; on success emit ``made`` and close. Returns the folder."""
        folder = Path(self.folder.text().strip()).expanduser()
        name, malform, services = self.name.text().strip(), self.malform.currentData(), self.chosen()
        try:
            if not self.folder.text().strip():
                raise EditError(_("velg en mappe for kartet"))
            if self.with_pathways.isChecked():
                new_folder(folder, name, malform, bundled=self._bundled(), services=services)
            else:
                new_map(folder, name, malform, services)
        except EditError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return None
        except OSError as exc:
            self.error.setText(_("Kunne ikke skrive i «{path}»: {error}").format(path=folder, error=describe(exc)))
            self.error.show()
            return None
        self.accept()
        self.made.emit(str(folder))
        return str(folder)
