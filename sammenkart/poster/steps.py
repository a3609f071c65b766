"""A pathway poster's numbered step list and its referral checklist.

The numbers on the map's arrows say in which order things happen; this
list says what each number is: "3. Skolehelsetjenesten → Fastlegen —
henvisning: når …" (in English the map's "når" text stands quoted on its
own: "referral — condition: “Plagene …”"). The checklist is what a referral must contain
(``Pathway.sjekkliste``), the thing referrers most often miss.
"""
from __future__ import annotations

from ..i18n import _, speaks
from ..layout.text import BOLD, REGULAR, text_width, wrap
from ..style import art_label
from ..undrawn import side_names
from .blocks import Block


def step_line(m, number: int, step) -> str:
    """'3. Skolehelsetjenesten → Fastlegen — henvisning: når …' (no number when ``number`` is 0)."""
    fra = side_names(m, [s.id for s in m.resolve(step.fra)], step.fra, " / ")
    til = side_names(m, [s.id for s in m.resolve(step.til)], step.til, " / ")
    text = f"{fra} → {til} — {art_label(step.art)}"
    if step.nar:
        nar = " ".join(step.nar.split()).rstrip(".")
        if speaks(getattr(m, "malform", None)):
            text += ": " + _("når {betingelse}").format(betingelse=nar[:1].lower() + nar[1:])
        else:  # the map's sentence in another language: quoted as written, after a label of ours
            text += " — " + _("vilkår: «{tekst}»").format(tekst=nar)
    return f"{number}. {text}" if number else text


def steps_blocks(m, pathway, pal, width: float, size: float, head: float) -> list[Block]:
    """Every step of the pathway, numbered as on the map, one block each (the first has the heading),
    so the list can run on in the next column."""
    indent = text_width("00. ", size, BOLD)
    out = []
    for i, st in enumerate(pathway.flyt, start=1):
        b = Block(width, kind="steps")
        if not out:
            b.text(0, head, _("Steg for steg"), BOLD, pal.text)
        top = b.height
        b.ops.append(("text", 0, top + size * 0.95, f"{i}.", BOLD, size, pal.text))
        for line in wrap(step_line(m, 0, st), width - indent, size, REGULAR):
            b.text(indent, size, line, REGULAR, pal.text)
        out.append(b)
    return out


def checklist_blocks(pathway, pal, width: float, size: float, head: float) -> list[Block]:
    """The referral checklist, one block per item (the first has the heading); [] when there is none."""
    indent = text_width("☐ ", size, REGULAR)
    out = []
    for item in pathway.sjekkliste:
        b = Block(width, kind="checklist")
        if not out:
            b.text(0, head, _("Sjekkliste for henvisning"), BOLD, pal.text)
        top = b.height
        b.ops.append(("text", 0, top + size * 0.95, "☐", REGULAR, size, pal.text))
        for line in wrap(" ".join(item.split()), width - indent, size, REGULAR):
            b.text(indent, size, line, REGULAR, pal.text)
        out.append(b)
    return out
