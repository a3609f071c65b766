"""Texts that stay on screen, set again when the interface language changes.

Texts are made with ``_()`` when a widget is built; a widget that lives on
(a menu entry, a button, a tool tip, a tab) is given its text through
``live(obj, "setText", N_("Lagre"))`` instead, which sets ``_("Lagre")`` now
and again on ``retranslate()`` (``qt/language.py`` calls it after switching
the catalogue). Texts made from data or from the state (a step, a count) are
not kept here: their owners show them again when the window's
``language_changed`` is emitted. Only the objects are referenced weakly, so a
deleted widget simply drops out.
"""
from __future__ import annotations

import weakref

from shiboken6 import isValid

from ..i18n import _

# (id(obj), setter) -> (weak obj, setter, msgid, format arguments)
_entries: dict[tuple[int, object], tuple[weakref.ref, object, str, dict]] = {}


class Tr(str):
    """A placeholder's value that is itself a text for ``_()``: ``live(box,
    "setAccessibleName", N_("Steg: {what}"), what=Tr(N_("Når")))``."""


def _apply(obj, setter, msgid: str, fmt: dict) -> None:
    if fmt:
        text = _(msgid).format(**{k: _(v) if isinstance(v, Tr) else v for k, v in fmt.items()})
    else:
        text = _(msgid)
    if isinstance(setter, tuple):
        getattr(obj, setter[0])(*setter[1:], text)
    else:
        getattr(obj, setter)(text)


def live(obj, setter: str | tuple, msgid: str, **fmt):
    """``obj.<setter>(_(msgid).format(**fmt))`` now and after every language
    change. ``setter`` may be a tuple of the method's name and the arguments
    before the text: ``("setTabText", 2)``. A later call for the same object
    and setter replaces this one. Returns ``obj``."""
    _apply(obj, setter, msgid, fmt)
    _entries[(id(obj), setter)] = (weakref.ref(obj), setter, msgid, fmt)
    if len(_entries) > 4 * _live_count[0] + 256:
        _prune()
    return obj


def text(obj, msgid: str, **fmt):
    return live(obj, "setText", msgid, **fmt)


def tip(obj, msgid: str, **fmt):
    return live(obj, "setToolTip", msgid, **fmt)


def title(obj, msgid: str, **fmt):
    """A menu's title (``QMenu.setTitle``) or a group box's."""
    return live(obj, "setTitle", msgid, **fmt)


def forget(obj, setter: str | tuple) -> None:
    """The text of ``obj.<setter>`` is the owner's business from now on."""
    _entries.pop((id(obj), setter), None)


_live_count = [0]


def _alive(ref: weakref.ref):
    obj = ref()
    if obj is None:
        return None
    try:
        return obj if isValid(obj) else None
    except TypeError:  # not a Qt object
        return obj


def _prune() -> None:
    for key, (ref, *_rest) in list(_entries.items()):
        if _alive(ref) is None:
            del _entries[key]
    _live_count[0] = len(_entries)


def retranslate() -> int:
    """Set every kept text again in the current language; how many were set."""
    _prune()
    n = 0
    for ref, setter, msgid, fmt in list(_entries.values()):
        obj = _alive(ref)
        if obj is not None:
            _apply(obj, setter, msgid, fmt)
            n += 1
    return n
