"""export_poster: one map → a PDF poster (optionally tiled over office sheets)."""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from reportlab.pdfgen.canvas import Canvas

from .. import __version__
from ..atomic import atomic_path
from ..i18n import _, in_map_language
from ..layout.text import REGULAR, register_fonts
from ..layout.engine import SCREEN_ASPECT, layout_map
from ..model import Problem
from ..overlay import pathway_emphasis
from ..printable import printable
from ..public_edition import PUBLIC_BY_DEFAULT, without_internal_contacts
from ..style import palette
from .composition import PosterPlan, plan_poster
from .labels import cut_label_problems
from .render import draw_contact_page, draw_poster_page


@dataclass
class ExportResult:
    path: Path
    pages: int
    plan: PosterPlan
    warnings: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # warnings at a file:line:col (str() prints them)


LAYOUTS_KEPT = 24  # layouts remembered between plans (a dialog's changes): a few papers × orientations


_layouts: OrderedDict = OrderedDict()  # (map, pathways, aspect) → MapLayout, most recent last


def layouts_of(m, pathways) -> Callable[[float], object]:
    """``relayout(aspect)`` for ``plan_poster``: ``m`` laid out with ``pathways`` for a room of
    ``aspect`` (width/height; within a plan rounded to 0.01), each made once and remembered across plans.

    The poster dialog plans again on every change (paper, orientation, colours,
    the public edition): only a room of a new shape costs a layout (about 0.2 s
    for the example map, docs/performance-poster.md). The key is the map's and
    the pathways' whole content (their ``repr``), so an edited map is laid out
    afresh; the ``LAYOUTS_KEPT`` most recent are kept. A layout is not changed
    by those who draw it."""
    content = (repr(m), tuple(repr(p) for p in pathways))
    mine: dict = {}  # within one plan an aspect within 0.01 of one laid out takes that layout

    def relayout(aspect: float):
        near = round(aspect, 2)
        if near not in mine:
            key = (content, aspect)  # between plans the very same shape only: the same plan as without
            lay = _layouts.get(key)
            if lay is None:
                lay = _layouts[key] = layout_map(m, pathways, aspect)
                while len(_layouts) > LAYOUTS_KEPT:
                    _layouts.popitem(last=False)
            _layouts.move_to_end(key)
            mine[near] = lay
        return mine[near]

    return relayout


@in_map_language
def prepare(m, paper="A0", landscape=False, pathway=None, greyscale=False, pathways=None, tile=None,
            publikum=PUBLIC_BY_DEFAULT, figures=None):
    """Layout, palette, emphasis and plan for a poster: what the preview and the PDF share
    (in the language of the map's files, ``i18n.output_language``, as the PDF is).

    ``publikum``: a poster for the public, without the contacts marked
    ``intern`` (``public_edition``; the default is ``PUBLIC_BY_DEFAULT``).

    ``pathways``: every pathway of the map (``Workspace.pathways_for``), so the
    cards stand where they stand for any pathway; without it, the one shown.
    The map is laid out for the shape of the room the page leaves it.

    The text is checked for printing first (``printable``); ``plan.problems``
    lists what was left out or shortened, each at its file:line:col.
    ``figures``: (``figures.FigureTable``, year) for a table block of the
    referral figures (``poster.figures_block``), or None.
    """
    problems: list[Problem] = []
    m = printable(without_internal_contacts(m) if publikum else m, problems)
    pathway = printable(pathway, problems) if pathway is not None else None
    return _prepare_printable(m, paper, landscape, pathway, greyscale, pathways, tile, problems, figures)


def _prepare_printable(m, paper, landscape, pathway, greyscale, pathways, tile, problems, figures=None):
    """``prepare`` for text already checked by ``printable`` (its warnings in ``problems``)."""
    register_fonts()
    variant = "gratone" if greyscale else "normal"
    pal = palette(variant)
    every = list(pathways) if pathways is not None else ([pathway] if pathway else [])
    if pathway is not None and all(p.id != pathway.id for p in every):
        every.append(pathway)
    relayout = layouts_of(m, every)

    emphasis = pathway_emphasis(m, pathway, None) if pathway else None
    extra = None
    if figures is not None:
        from .figures_block import figures_blocks

        table, year = figures

        def extra(size, width, head):
            return figures_blocks(m, table, year, pal, width, size, head)

    plan = plan_poster(m, relayout(SCREEN_ASPECT), pal, paper, landscape, pathway, emphasis, variant,
                       relayout=relayout, tile=tile, more=extra)
    if tile:
        from .tiling import plan_tiles, title_rect

        # A title that a cut would cross is wrapped to the sheet it starts on.
        grid = plan_tiles(plan, tile)
        r = title_rect(plan)
        if not any(t.window.x <= r.x and r.right <= t.window.right for t in grid.tiles + grid.skipped):
            window = next(t.window for t in grid.tiles + grid.skipped if t.window.x <= r.x < t.window.right)
            plan = plan_poster(m, relayout(SCREEN_ASPECT), pal, paper, landscape, pathway, emphasis, variant,
                               relayout=relayout, tile=tile, title_limit=window.right - r.x - 2.0, more=extra)
    plan.problems[:0] = list(problems) + cut_label_problems(m, plan.layout)
    return plan.layout, pal, variant, emphasis, plan


def new_canvas(out, size, m, subject: str) -> Canvas:
    register_fonts()
    # Start every page in our font: otherwise reportlab names Helvetica, an unembedded font.
    c = Canvas(str(out), pagesize=size, pageCompression=1, initialFontName=REGULAR)
    c.setTitle(m.navn)
    c.setSubject(subject)
    c.setCreator(f"Sammenkart {__version__}")
    return c


@in_map_language
def export_poster(m, out, paper="A0", landscape=False, pathway=None, tile=None, greyscale=False,
                  workspace=None, publikum=PUBLIC_BY_DEFAULT, figures=None) -> ExportResult:
    """Write the poster; ``tile`` ("A4"/"A3") splits it over sheets with an assembly page first.
    ``figures``: (``figures.FigureTable``, year) adds the figures table (``prepare``).

    ``publikum``: for the public (a waiting room): the contacts marked
    ``intern`` are left out (``public_edition.without_internal_contacts``);
    the default is ``public_edition.PUBLIC_BY_DEFAULT``.

    ``workspace`` is accepted for the shared contract (the pathway is passed
    resolved already); it is not needed to draw.
    """
    if isinstance(pathway, str):  # an id: look it up among the pathways offered for this map
        offered = workspace.pathways_for(m) if workspace is not None else []
        found = next((p for p in offered if p.id == pathway), None)
        if found is None:
            raise ValueError(_("ukjent forløp for dette kartet: {forlop}").format(forlop=pathway))
        pathway = found
    problems: list[Problem] = []
    if publikum:
        m = without_internal_contacts(m)
    m = printable(m, problems)  # the drawing below must use the same checked text as the plan
    pathway = printable(pathway, problems) if pathway is not None else None
    pathways = workspace.pathways_for(m) if workspace is not None else None
    layout, pal, variant, emphasis, plan = _prepare_printable(m, paper, landscape, pathway, greyscale, pathways,
                                                              tile, problems, figures)
    out = Path(out)
    with atomic_path(out, make_parents=False) as tmp:  # a failure leaves a file already at ``out`` as it was
        if tile:
            from .tiling import write_tiled

            pages = write_tiled(tmp, m, layout, pal, variant, emphasis, plan, tile)
        else:
            c = new_canvas(tmp, plan.size, m, pathway.navn if pathway else _("Plakat"))
            draw_poster_page(c, plan, m, layout, pal, variant, emphasis)
            c.showPage()
            for i, placed in enumerate(plan.extra_pages, start=1):
                draw_contact_page(c, plan, placed, pal, i)
                c.showPage()
            c.save()
            pages = 1 + len(plan.extra_pages)
    return ExportResult(out, pages, plan, list(plan.warnings), list(plan.problems))
