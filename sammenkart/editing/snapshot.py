"""The copy of a shared text that a local adaptation was revised against.

When a municipality marks its adapted pathway as revised (``mark_revised``),
the shared text as it reads then (merged, if it adapts another in turn) is
written as a whole pathway file to ``grunnlag-ved-revisjon/<the local file's
name>`` beside it. At the next yearly round, ``sammenkart revisjon`` compares
that copy with the shared text as it reads now and shows, word by word, what
the region changed (docs/format.md, "Felles tekst og lokal tilpasning").
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .. import loader
from ..i18n import _, language
from ..model import ROLE_KEYS, Pathway
from . import render
from .changes import EditError


def snapshot_text(base: Pathway, local: Path, snapshot: Path, when: dt.date | None) -> str:
    """``base`` (a shared pathway) as the text of a whole pathway file, with a
    comment saying what it is. Read back before it is returned; raises
    EditError when the text would not read as ``base``."""
    data: dict = {"sammenkart": 1, "id": base.id, "navn": base.navn, "malform": base.malform}
    if base.revidert:
        data["revidert"] = base.revidert
    if base.beskrivelse:
        data["beskrivelse"] = base.beskrivelse
    roles = {ref: dict(role.items()) for ref, role in base.roller.items() if role.items()}
    if roles:
        data["roller"] = roles
    data["flyt"] = [{k: v for k, v in (("fra", st.fra), ("til", st.til), ("art", st.art), ("nar", st.nar)) if v}
                    for st in base.flyt]
    if base.sjekkliste:
        data["sjekkliste"] = list(base.sjekkliste)
    shared = os.path.relpath(base.path, snapshot.parent) if base.path else "?"
    with language(base.malform):
        head = [_("Grunnlaget ({shared}) slik det var da {local} sist ble revidert{when}.").format(
            shared=shared.replace(os.sep, "/"), local=local.name, when=f" ({when.isoformat()})" if when else ""),
            _("Skrevet av Sammenkart for revisjonsrapporten (sammenkart revisjon); ikke rediger.")]
    lines = [f"# {line}" for line in head]
    lines += [_entry(key, value, 0) for key, value in data.items()]
    text = "\n".join(lines) + "\n"
    back, problems = loader.load_text(text, snapshot, "pathway")
    if back is None or [p for p in problems if p.is_error] or not _same(back, base):
        raise EditError(_("kopien av grunnlaget til {name} kunne ikke skrives riktig").format(name=local.name))
    return text


WIDTH = 88  # long texts are folded (>-) to lines of about this width, as people write them


def _entry(key: str, value, col: int) -> str:
    """``key: value`` like ``render.entry``, with long texts folded for reading."""
    st = render.DEFAULT_STYLE
    if isinstance(value, dict):
        return f"{key}:" + "".join("\n" + " " * (col + st.indent) + _entry(k, v, col + st.indent)
                                  for k, v in value.items())
    if isinstance(value, list) and value and isinstance(value[0], dict):
        dash = col + st.dash
        content = dash + st.after_dash
        items = []
        for item in value:
            parts = [_entry(k, v, content) for k, v in item.items()]
            items.append("\n" + " " * dash + "- " + ("\n" + " " * content).join(parts))
        return f"{key}:" + "".join(items)
    if isinstance(value, str) and len(value) + col + len(key) + 2 > WIDTH and "\n" not in value:
        return f"{key}: " + render.scalar(value, col=col, content_col=col + st.indent, old_style=">", old_width=WIDTH)
    return render.entry(key, value, col=col)


def _same(a: Pathway, b: Pathway) -> bool:
    def texts(p: Pathway):
        return (p.id, p.navn, p.malform, p.beskrivelse or None, list(p.sjekkliste),
                [(s.fra, s.til, s.art, s.nar) for s in p.flyt],
                {ref: {k: getattr(r, k) or None for k in ROLE_KEYS} for ref, r in p.roller.items() if r.items()})
    return texts(a) == texts(b)
