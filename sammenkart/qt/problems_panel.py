"""The problems in the open files, each at its place (file:line:column).

Double-click (or Enter) opens the place: a read-only view of the file,
scrolled to the line and highlighting it, with a button to open the file in
the user's own editor. Errors first, then warnings.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QFont, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QTextEdit,
    QVBoxLayout, QWidget,
)

from ..model import Problem
from ..problem_groups import grouped
from .fonts import FAMILY
from ..i18n import N_, _
from . import live_text
from ..os_errors import describe


class FileViewer(QDialog):
    """A file, read-only, scrolled to one line and highlighting it."""

    def __init__(self, path: Path, line: int, column: int = 1, message: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.path, self.line = Path(path), line
        self.problem: Problem | None = None  # the one shown (ProblemsPanel.open_item), and its
        self.rank = 0  # place among those at the same place of the file
        self.setWindowTitle(f"{path}:{line}")
        self.resize(820, 560)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.NoWrap)
        font = QFont(FAMILY + " Mono")
        font.setStyleHint(QFont.Monospace)
        self.text.setFont(font)
        try:
            content = self.path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            content = _("Kan ikke lese filen: {error}").format(error=describe(exc))
        self.text.setPlainText(content)
        self.message = QLabel(message)
        self.message.setTextFormat(Qt.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8b0000; font-weight: bold;")
        open_button = live_text.text(QPushButton(), N_("Åpne i redigeringsprogram"))
        open_button.clicked.connect(self.open_externally)
        close = live_text.text(QPushButton(), N_("Lukk"))
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(open_button)
        row.addStretch(1)
        row.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.message)
        lay.addWidget(self.text, 1)
        lay.addLayout(row)
        self.go_to(line, column)

    def go_to(self, line: int, column: int = 1) -> None:
        block = self.text.document().findBlockByNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.Right, QTextCursor.MoveAnchor, max(0, min(column - 1, block.length() - 1)))
        self.text.setTextCursor(cursor)
        mark = QTextEdit.ExtraSelection()
        mark.format.setBackground(QColor("#ffe08a"))
        mark.format.setProperty(QTextFormat.FullWidthSelection, True)
        mark.cursor = QTextCursor(block)
        self.text.setExtraSelections([mark])
        self.text.centerCursor()

    def highlighted_line(self) -> int:
        """1-based number of the highlighted line (tests read it)."""
        marks = self.text.extraSelections()
        return marks[0].cursor.blockNumber() + 1 if marks else 0

    def open_externally(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.resolve())))


class ProblemsPanel(QWidget):
    def __init__(self, window=None):
        super().__init__()
        self.window = window
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self.open_item)  # double-click or Enter
        hint = live_text.text(QLabel(), N_("Dobbeltklikk en linje for å se stedet i filen. Det som kunne leses, "
                                           "vises på kartet."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(hint)
        lay.addWidget(self.list, 1)
        self.viewer: FileViewer | None = None
        self._problems: list[Problem] = []  # as given (set_problems), one by one
        self.unfolded: set[str] = set()  # kinds of grouped rows shown with their problems under them

    def set_problems(self, problems: list[Problem]) -> None:
        """Show ``problems``, errors first; one cause repeated is one row
        (``problem_groups.grouped``) that unfolds its problems under it when
        opened (double-click, Enter) and folds them when opened again. Rows
        already showing a problem keep their item (an edit usually changes a
        few lines of the list: the selection and the scroll position stay,
        and nothing is built again)."""
        self._problems = list(problems)
        lst = self.list
        rows = []  # (problem, its row's text)
        for p in sorted(grouped(problems), key=lambda p: not p.is_error):
            rows.append((p, self._text(p)))
            if p.members and p.kind in self.unfolded:
                rows += [(q, "    " + str(q)) for q in p.members]  # under their entry, set in
        for i, (p, text) in enumerate(rows):
            item = lst.item(i)
            if item is None:
                item = QListWidgetItem(text, lst)
            elif item.text() == text and item.data(Qt.UserRole) == p:
                continue
            else:
                item.setText(text)
            item.setData(Qt.UserRole, p)
            item.setData(Qt.ForegroundRole, QColor("#a00000") if p.is_error else None)
        while lst.count() > len(rows):
            lst.takeItem(lst.count() - 1)  # takeItem hands the item over; it goes with its wrapper
        self._reword_viewer(problems)

    def _reword_viewer(self, problems: list[Problem]) -> None:
        """An open file view says its problem as the list now has it (read again
        in another language): the one at the same place, the same in order
        among those at that place."""
        viewer = self.viewer
        if viewer is None or not viewer.isVisible() or viewer.problem is None:
            return
        old = viewer.problem
        now = [p for p in problems if p.source == old.source and p.severity == old.severity]
        if now and viewer.rank < len(now):
            viewer.problem = now[viewer.rank]
            viewer.message.setText(viewer.problem.message)

    def _text(self, p: Problem) -> str:
        if not p.members:
            return str(p)
        if p.kind in self.unfolded:
            return str(p) + "\n▾ " + _("Dobbeltklikk for å skjule dem igjen")
        return str(p) + "\n▸ " + _("Dobbeltklikk for å se alle {n}").format(n=len(p.members))

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def open_item(self, item: QListWidgetItem) -> FileViewer | None:
        p: Problem = item.data(Qt.UserRole)
        if p.members:  # one cause repeated: show them all, or fold them again
            self.unfolded.symmetric_difference_update({p.kind})
            self.set_problems(self._problems)
            return None
        path = Path(p.source.path)
        if not path.is_file():
            return None
        if self.viewer is not None:
            self.viewer.close()
        self.viewer = FileViewer(path, p.source.line, p.source.column, p.message, self.window)
        shown = [item.data(Qt.UserRole) for item in map(self.list.item, range(self.list.count()))]
        self.viewer.problem = p
        self.viewer.rank = [q for q in shown if q.source == p.source and q.severity == p.severity
                            and not q.members].index(p)  # (a grouped entry stands where its first one is)
        self.viewer.show()
        return self.viewer
