"""*Fil → Revisjonsrapport…*: the yearly revision report of the map shown,
previewed, saved as PDF or Markdown (``revision_report``/``revision_pdf``,
the same report as ``sammenkart revisjon``), in the map's målform.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog, QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QTextBrowser, QVBoxLayout, QWidget,
)

from ..i18n import _
from ..os_errors import describe
from ..revision_report import build_report, to_markdown
from .plain import message, plain_label, window_title


class RevisionReportDialog(QDialog):
    def __init__(self, window, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent if parent is not None else window)
        self.window = window
        self.map = window.current_map()
        self.today = today or dt.date.today()
        self.report = build_report(window.workspace, self.map, self.today)
        self.setWindowTitle(window_title(self.report.title))
        self.resize(820, 640)
        lay = QVBoxLayout(self)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setMarkdown(to_markdown([self.report]))  # data text is escaped there: shown literally
        lay.addWidget(self.view, 1)
        self.message = plain_label()
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        row = QHBoxLayout()
        self.pdf_button = QPushButton(_("Lagre som PDF…"))
        self.md_button = QPushButton(_("Lagre som Markdown…"))
        self.close_button = QPushButton(_("Lukk"))
        self.pdf_button.clicked.connect(lambda: self.save(suffix=".pdf"))
        self.md_button.clicked.connect(lambda: self.save(suffix=".md"))
        self.close_button.clicked.connect(self.accept)
        for b in (self.pdf_button, self.md_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.close_button)
        lay.addLayout(row)
        self.pdf_button.setDefault(True)

    def default_path(self, suffix: str) -> Path:
        folder = self.window.settings.value("report_folder", "") or str(Path.home())
        return Path(folder) / f"revisjon-{self.map.id}-{self.today.isoformat()}{suffix}"

    def ask_path(self, suffix: str) -> str | None:
        """The save dialog (tests replace this)."""
        filt = _("PDF (*.pdf)") if suffix == ".pdf" else _("Markdown (*.md)")
        path, _f = QFileDialog.getSaveFileName(self, _("Lagre revisjonsrapporten"), str(self.default_path(suffix)),
                                               filt)
        return path or None

    def save(self, path: str | Path | None = None, suffix: str = ".pdf") -> Path | None:
        """Write the report to ``path`` (asked for when None); PDF or Markdown by
        its ending (``suffix`` is added when it has neither). Says where it went."""
        path = path or self.ask_path(suffix)
        if not path:
            return None
        out = Path(path)
        if out.suffix.lower() not in (".pdf", ".md"):
            out = out.with_name(out.name + suffix)
        try:
            if out.suffix.lower() == ".pdf":
                from ..revision_pdf import write_pdf

                write_pdf([self.report], out)
            else:
                from ..atomic import write_text

                write_text(out, to_markdown([self.report]))
        except OSError as exc:
            msg = _("Kunne ikke lagre rapporten: {grunn}").format(grunn=describe(exc))
            self.message.setText(msg)
            message(self, _("Revisjonsrapport"), msg, QMessageBox.Warning)
            return None
        self.window.settings.setValue("report_folder", str(out.parent))
        self.message.setText(_("Lagret {sti}").format(sti=out))
        return out
