"""Poster export speed and size, beside Graphviz `dot -Tpdf` for the same graph.

    python benchmarks/bench_poster.py

Prints one line per case: our export time and file size, then dot's. Targets:
the example map at A0 under 1 s, the synthetic ~2,500-service region under 10 s.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from sammenkart.model import Contact, Link, Map, Service  # noqa: E402
from sammenkart.poster import export_poster  # noqa: E402


def example_map() -> Map:
    try:
        from sammenkart.loader import load_bundled

        ws = load_bundled()
        if "eksempelkommune" in ws.maps:
            return ws.maps["eksempelkommune"]
        if ws.maps:
            return next(iter(ws.maps.values()))
    except ImportError:
        pass
    sys.path.insert(0, str(ROOT / "tests"))
    from test_poster_data import sample_map

    return sample_map()


def region_map(n: int = 2500) -> Map:
    try:
        import gen_region  # the layout helper's generator, when present
    except ImportError:
        gen_region = None
    fn = getattr(gen_region, "generate_region", None)
    if callable(fn):
        m = fn()  # its default is the ~2,500-service region the other benchmarks use
        if isinstance(m, Map):
            return m
    sectors = ("kommune", "kommune", "kommune", "fastlege", "fylkeskommune", "stat", "frivillig")
    svcs, links = [], []
    per_town = 25
    for i in range(n):
        town = i // per_town
        level = 3 if i % per_town == 0 and town % 4 == 0 else (i * 7) % 3
        svcs.append(Service(id=f"t{i}", navn=f"Tjeneste {i} i Kommune {town}", niva=level,
                            sektor="spesialist" if level == 3 else sectors[i % len(sectors)],
                            kommune=f"Kommune {town}",
                            kontakt=Contact(telefon=f"5{i % 10} {i:04d}", nettside=f"https://example.no/t{i}")))
        if i % per_town:
            links.append(Link((f"t{i}", f"t{i - 1}")))
    return Map(id="region", navn="Syntetisk region", type="region", tjenester=svcs, samarbeid=links,
               nettside="https://example.no/region")


def dot_source(m: Map) -> str:
    lines = ["digraph G {", "  rankdir=BT; node [shape=box, fontname=\"DejaVu Sans Condensed\"];"]
    for lv in m.levels_bottom_up():
        ids = [s.id for s in m.tjenester if s.niva == lv.id]
        if ids:
            lines.append("  { rank=same; " + " ".join(f'"{i}"' for i in ids) + " }")
    for s in m.tjenester:
        label = s.navn.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'  "{s.id}" [label="{label}"];')
    for link in m.samarbeid:
        for a in m.resolve(link.mellom[0]):
            for b in m.resolve(link.mellom[1]):
                lines.append(f'  "{a.id}" -> "{b.id}" [dir=none];')
    lines.append("}")
    return "\n".join(lines)


def bench(name: str, m: Map, tmp: Path) -> None:
    out = tmp / f"{name}.pdf"
    from sammenkart.layout.engine import layout_map

    t0 = time.perf_counter()
    layout_map(m)
    layout_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    result = export_poster(m, out, "A0")
    ours = time.perf_counter() - t0
    line = (f"{name:<28} {len(m.tjenester):>5} tjenester  sammenkart A0: {ours:6.2f} s "
            f"{out.stat().st_size / 1024:7.0f} KiB {result.pages:3d} {'side ' if result.pages == 1 else 'sider'} (minste kortskrift {result.plan.min_font:.1f} pt)")
    if shutil.which("dot"):
        src = tmp / f"{name}.dot"
        src.write_text(dot_source(m), encoding="utf-8")
        t0 = time.perf_counter()
        try:
            subprocess.run(["dot", "-Tpdf", str(src), "-o", str(tmp / f"{name}-dot.pdf")], check=True,
                           capture_output=True, timeout=600)
            took = time.perf_counter() - t0
            line += f" | dot -Tpdf: {took:6.2f} s {(tmp / f'{name}-dot.pdf').stat().st_size / 1024:8.0f} KiB"
        except (subprocess.SubprocessError, OSError) as exc:
            line += f" | dot -Tpdf: feilet ({type(exc).__name__})"
    else:
        line += " | dot: ikke installert"
    print(line + f"  [herav layout ~{layout_s:.2f} s]", flush=True)


def main() -> None:
    from sammenkart.layout.engine import layout_map

    print(f"layout: {layout_map.__module__}.layout_map", flush=True)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        export_poster(example_map(), tmp / "warm.pdf", "A4")  # font loading once, as in a running app
        bench("eksempelkart", example_map(), tmp)
        bench("syntetisk region", region_map(), tmp)


if __name__ == "__main__":
    main()
