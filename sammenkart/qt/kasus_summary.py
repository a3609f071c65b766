"""The end of a session: what the team found, step by step, and export."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog, QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QTextBrowser, QVBoxLayout,
    QWidget,
)

from ..session.controller import Session
from ..session.export_md import export_markdown, render
from ..session.export_pdf import export_pdf
from ..session.summary import summarize
from .plain import message, plain_label, window_title
from ..i18n import N_, _
from . import live_text
from ..os_errors import describe


class SummaryDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.resize(820, 640)
        lay = QVBoxLayout(self)
        self.view = QTextBrowser()
        f = self.view.font()
        f.setPointSize(13)
        self.view.setFont(f)
        lay.addWidget(self.view, 1)
        self.message = plain_label()
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        row = QHBoxLayout()
        self.pdf_button = live_text.text(QPushButton(), N_("Eksporter PDF…"))
        self.md_button = live_text.text(QPushButton(), N_("Eksporter Markdown…"))
        self.close_button = live_text.text(QPushButton(), N_("Lukk"))
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.md_button.clicked.connect(lambda: self.export_markdown())
        self.close_button.clicked.connect(self.accept)
        for b in (self.pdf_button, self.md_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.close_button)
        lay.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        """Title and summary in the interface language (the exported files speak the map's målform)."""
        session = self.session
        self.setWindowTitle(window_title(_("Oppsummering – {kasus}").format(kasus=session.case.tittel)))
        # The shared screen's summary: never the facilitator's notes.
        self.view.setMarkdown(render(summarize(session.case, session.map, session.state)))

    def _default_path(self, suffix: str) -> str:
        stem = self.session.path.stem if self.session.path else self.session.case.id
        return str(Path.home() / f"{stem}{suffix}")

    def _ask(self, title: str, suffix: str, filt: str) -> str | None:
        path, _f = QFileDialog.getSaveFileName(self, title, self._default_path(suffix), filt)
        return path or None

    def export_markdown(self, path: str | None = None) -> Path | None:
        path = path or self._ask(_("Eksporter Markdown"), ".md", _("Markdown (*.md)"))
        if not path:
            return None
        return self._run(lambda: export_markdown(self.session.case, self.session.map,
                                                 self.session.state, Path(path)))

    def export_pdf(self, path: str | None = None, facilitator_copy: bool = False) -> Path | None:
        path = path or self._ask(_("Eksporter PDF"), ".pdf", _("PDF (*.pdf)"))
        if not path:
            return None
        problems: list = []
        return self._run(lambda: export_pdf(self.session.case, self.session.map, self.session.state,
                                            Path(path), facilitator_copy, problems), problems)

    def _run(self, fn, problems: list | None = None) -> Path | None:
        try:
            out = fn()
        except Exception as exc:  # OSError: the disk said no; anything else: a fault of ours
            reason = describe(exc) if isinstance(exc, OSError) else f"{type(exc).__name__}: {exc}"
            msg = _("Kunne ikke lagre filen: {grunn}").format(grunn=reason)
            self.message.setText(msg)
            message(self, _("Eksport"), msg, QMessageBox.Warning)
            return None
        # What the PDF could not print as written (characters the fonts lack), at its line.
        self.message.setText("\n".join([_("Lagret {sti}").format(sti=out)] + [str(p) for p in problems or ()]))
        return out
