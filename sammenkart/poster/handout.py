"""The A4 handout for families: one pathway in plain words for a parent.

What goes on the pages, and how they are fitted, is ``handout_plan``; here
the text is checked for printing, the contacts for professionals are left
out (``public_edition``: a handout is always for the public), and the plan
is drawn with reportlab (the small map through ``draw_map``: the display
list the window draws) into a file written atomically. The poster dialog
previews the same plan (``prepare_handout``).
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.colors import HexColor

from ..atomic import atomic_path
from ..i18n import _, in_map_language
from ..model import Problem
from ..layout.text import REGULAR, register_fonts
from ..plain_language import family_steps
from ..printable import printable
from ..public_edition import without_internal_contacts
from .draw_map import draw_map
from .handout_plan import HandoutPlan, plan_handout
from .pages import page_size
from .render import draw_block

FOOTER_SIZE = 7.5


def prepare_handout(m, pathway, greyscale: bool = False, problems: list | None = None) -> HandoutPlan:
    """The handout's plan for ``pathway`` on ``m``, in the map's målform, without the
    contacts marked ``intern`` and without the steps to or from a service the map
    lacks (``plain_language.family_steps``: the rest numbered 1, 2, 3 …).
    ``problems`` (a list) receives a warning about each step left out (in the
    interface's language: it is said to whoever makes the handout) and about text
    that cannot be printed as written (``printable``), each at its file:line:col."""
    pathway, left_out = family_steps(m, pathway)
    if problems is not None:
        problems.extend(left_out)
    plan = _plan(m, pathway, greyscale, problems)
    if problems is not None:  # a family must learn how to reach each service it is sent to
        for sid in plan.no_contact:
            s = m.service(sid)
            problems.append(Problem(s.source, _(
                "«{navn}» står i brosjyren uten telefon, nettside, e-post eller adresse som familier kan "
                "se; brosjyren ber familien spørre helsestasjonen eller fastlegen").format(navn=s.navn), "warning"))
    return plan


@in_map_language
def _plan(m, pathway, greyscale: bool, problems: list | None) -> HandoutPlan:
    found: list = []
    m = printable(without_internal_contacts(m), found)
    pathway = printable(pathway, found)
    if problems is not None:
        problems.extend(found)
    return plan_handout(m, pathway, greyscale)


def export_handout(m, pathway, out, greyscale: bool = False, problems: list | None = None) -> Path:
    """Write the handout to ``out`` (atomically: a failure leaves an old file as it was).

    ``problems`` as for ``prepare_handout``. Contacts marked ``intern`` never appear.
    """
    out = Path(out)
    plan = prepare_handout(m, pathway, greyscale, problems)
    with atomic_path(out, make_parents=False) as tmp:
        _write(m, plan, tmp)
    return out


def page_number(n: int, total: int) -> str:
    """"side 1 av 2"; "" for a handout of one page."""
    return _("side {n} av {total}").format(n=n, total=total) if total > 1 else ""


@in_map_language
def _write(m, plan: HandoutPlan, out: Path) -> None:
    from .export import new_canvas

    register_fonts()
    c = new_canvas(out, page_size("A4"), m, plan.title)
    c.setTitle(plan.title)
    H = page_size("A4")[1]
    for n, placed in enumerate(plan.pages, start=1):
        for p in placed:
            if p.block.kind == "map":
                _draw_small_map(c, plan, p, H)
            else:
                draw_block(c, p, H)
        c.setFont(REGULAR, FOOTER_SIZE)
        c.setFillColor(HexColor(plan.colours.muted_text))
        base = H - plan.footer_baseline
        c.drawString(plan.content.x, base, plan.footer)
        c.drawRightString(plan.content.right, base, page_number(n, len(plan.pages)))
        c.showPage()
    c.save()


def _draw_small_map(c, plan: HandoutPlan, p, H: float) -> None:
    _kind, x, y, scale = p.block.ops[0]
    c.saveState()
    c.translate(p.rect.x + x, H - (p.rect.y + y))
    c.scale(scale, scale)
    c.translate(-plan.map_origin[0], plan.map_origin[1])
    draw_map(c, plan.display)
    c.restoreState()
