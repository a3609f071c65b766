"""Widgets that show data text as plain text, never as markup.

Qt guesses: a QLabel, a tool tip or a QMessageBox whose text looks like HTML
is rendered as HTML, so a pathway named ``<img src="bilde.png">`` would load
an image from the user's disk. Every place that shows text from a file or
typed by a user goes through these.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_label(label: QLabel | None = None, text: str = "") -> QLabel:
    """``label`` (or a new one) set to show its text literally."""
    label = label if label is not None else QLabel()
    label.setTextFormat(Qt.PlainText)
    if text:
        label.setText(text)
    return label


def message(parent: QWidget | None, title: str, text: str, icon=QMessageBox.Information,
            wait: bool = False) -> QMessageBox:
    """A message box that shows ``text`` literally (the static helpers guess).

    ``wait`` runs it modally and returns after it closes; otherwise it opens
    window-modal and returns at once (and deletes itself when closed).
    """
    box = QMessageBox(icon, title, "", QMessageBox.Ok, parent)
    box.setTextFormat(Qt.PlainText)
    box.setText(text)
    if wait:
        box.exec()
    else:
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
    return box


def tooltip(text: str) -> str:
    """A tool tip that shows ``text`` literally (tool tips guess too): as escaped rich text."""
    return "<qt>" + escape(text).replace("\n", "<br>") + "</qt>" if text else ""


def window_title(text: str) -> str:
    """``text`` for setWindowTitle: Qt hides a "[*]" (the unsaved-changes mark); "[*][*]" shows one."""
    return text.replace("[*]", "[*][*]")


def action_text(text: str) -> str:
    """``text`` for a menu entry or button: "&" marks a shortcut letter there; "&&" shows one."""
    return text.replace("&", "&&")
