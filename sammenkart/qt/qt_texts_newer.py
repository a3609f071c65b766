"""Texts of Qt's own file dialog that Qt 6.11 asks for and ``qtbase_nn.qm``
(made for older Qt, where they read "Look in:" and "Files of type:") lacks,
so a nynorsk window showed them in English. Both ``nb`` and ``nn`` translate
them in our catalogue; ``qt/language.py`` puts our nynorsk translator in front
of ``qtbase_nn.qm`` so it fills these gaps. Nothing imports this module.
"""
from __future__ import annotations

from .qt_texts import QT_TRANSLATE_NOOP

TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
