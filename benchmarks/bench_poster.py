"""Poster export speed: the whole `sammenkart export` process, beside Graphviz `dot -Tpdf`.

    python benchmarks/bench_poster.py [--runs 5]

Each case is timed as a user meets it: a new process runs `python -m sammenkart
export …` (start-up, imports, fonts, reading the files, layout, placing,
drawing, writing the PDF) until it exits; wall time and CPU time (CPU is
steadier on a shared machine), median of ``--runs`` after one warm-up run
(which also writes the modules' bytecode, as an installation has it).
Cases: the example map, the bundled region (regional view with a pathway and
the figures table, and every service), and the synthetic region of
``gen_region.py`` (2,472 services) as the regional view and with every
service. Whether reportlab's C accelerator (``rl-accel``) is installed is
printed first. Targets: the example map under 1 s, the synthetic region under
10 s. Figures: docs/performance-poster.md.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def accelerated() -> bool:
    try:
        import _rl_accel  # noqa: F401  (reportlab uses it when it is there)
    except ImportError:
        return False
    return True


def whole_process(args: list[str], out: Path, runs: int) -> tuple[float, float, int, str]:
    """(median wall s, median CPU s, PDF bytes, stderr of the last run) of `sammenkart export args`."""
    env = dict(os.environ, PYTHONPATH=str(ROOT),
               SAMMENKART_SETTINGS=str(Path(tempfile.mkdtemp()) / "settings.ini"))  # never the user's own
    # An installed program has its modules compiled; with PYTHONDONTWRITEBYTECODE set (some shells
    # and sandboxes set it) every run would compile ~60 of them again, 0.1-0.15 s that no user waits.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    walls, cpus, err = [], [], ""
    for i in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "sammenkart", "export", *args, "--out", str(out)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr[-2000:])
        err = proc.stderr
        if i:  # the first run warms the disk cache
            walls.append(wall)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus), out.stat().st_size, err


def dot_time(m, tmp: Path) -> str:
    if not shutil.which("dot"):
        return "dot: not installed"
    src = tmp / "graph.dot"
    src.write_text(dot_source(m), encoding="utf-8")
    t0 = time.perf_counter()
    try:
        subprocess.run(["dot", "-Tpdf", str(src), "-o", str(tmp / "dot.pdf")], check=True, capture_output=True,
                       timeout=900)
    except (subprocess.SubprocessError, OSError) as exc:
        return f"dot -Tpdf failed ({type(exc).__name__})"
    return f"dot -Tpdf {time.perf_counter() - t0:.2f} s, {(tmp / 'dot.pdf').stat().st_size / 1024:.0f} KiB"


def dot_source(m) -> str:
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    from gen_region import generate_region, to_yaml

    from sammenkart import paths

    print(f"reportlab C accelerator (rl-accel): {'yes' if accelerated() else 'no'}", flush=True)
    region = str(paths.region_dir() / "kart" / "brattfjord.yaml")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        synth = tmp / "syntetisk" / "kart"
        synth.mkdir(parents=True)
        m = generate_region(60)
        (synth / "region.yaml").write_text(to_yaml(m), encoding="utf-8")
        shutil.copytree(ROOT / "kart" / "forlop", synth / "forlop")
        shutil.copytree(ROOT / "region" / "kart" / "forlop", tmp / "syntetisk" / "region" / "kart" / "forlop")
        cases = [
            ("eksempelkommune, A0", ["eksempelkommune", "--papir", "A0"]),
            ("eksempelkommune, A0, angst", ["eksempelkommune", "--papir", "A0", "--forlop", "angst"]),
            ("Brattfjord regional, A0, angst, --tal", [region, "--papir", "A0", "--forlop", "angst", "--tal", "2024"]),
            ("Brattfjord, every service, A0", [region, "--papir", "A0", "--visning", "alle"]),
            ("synthetic region regional, A0", [str(synth / "region.yaml"), "--papir", "A0"]),
            ("synthetic region, every service, A0", [str(synth / "region.yaml"), "--papir", "A0", "--visning", "alle"]),
        ]
        for label, case in cases:
            wall, cpu, size, err = whole_process(case, tmp / "out.pdf", args.runs)
            warned = "  (warns: type too small)" if "advarsel" in err else ""
            print(f"{label:<40} {wall:6.2f} s wall  {cpu:6.2f} s CPU  {size / 1024:6.0f} KiB{warned}", flush=True)
        print(f"{'same graph (synthetic, every service)':<40} {dot_time(m, tmp)}")


if __name__ == "__main__":
    main()
