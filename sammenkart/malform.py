"""Målform in a pathway's file name: ``angst.yaml``, ``angst.nb.yaml``, ``angst.nn.yaml``.

The rule (docs/format.md, "Samme forløp på bokmål og nynorsk"): an optional
``.nb`` or ``.nn`` before ``.yaml`` names the målform of the texts; it must
agree with the file's ``malform:``; the pathway's id is the name without it,
so both versions share one id.
"""
from __future__ import annotations

from .i18n import _
from .model import MALFORMER


def split_stem(stem: str) -> tuple[str, str | None]:
    """A file stem as (id part, målform suffix or None).

    ``"angst.nn"`` -> ``("angst", "nn")``; ``"angst"`` -> ``("angst", None)``;
    a dot before anything other than nb/nn is left alone (``"a.b"`` -> ``("a.b", None)``).
    """
    base, dot, tail = stem.rpartition(".")
    if dot and base and tail in MALFORMER:
        return base, tail
    return stem, None


def malform_name(malform: str) -> str:
    """The målform as users name it: "bokmål", "nynorsk" (the code itself for anything else)."""
    return {"nb": _("bokmål"), "nn": _("nynorsk")}.get(malform, malform)
