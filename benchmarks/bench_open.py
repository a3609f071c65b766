"""Speed of opening (reading and checking) a large region, whole process and in-process.

    python benchmarks/bench_open.py                 # this checkout
    python benchmarks/bench_open.py --root /other   # another checkout, same generated files
    python benchmarks/bench_open.py --keep /tmp/ws  # leave the workspace there for other tools

Writes a workspace with the synthetic region of ``gen_region.py`` (60
municipalities, ~2,500 services, ~2,200 links) beside the bundled pathways and
cases, then times ``python -m sammenkart validate WORKSPACE`` as a whole
process (start-up, read, check, reference warnings) and, inside one process,
parsing the region file, reading it into a map, and loading the workspace.
Target: reading every value as the text written must cost no speed against
the YAML 1.1 reader it replaced (issue 15): compare two checkouts with --root.
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

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def write_workspace(folder: Path, municipalities: int) -> Path:
    """The region map plus the bundled pathways and cases, as a user's folder."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    from gen_region import generate_region, to_yaml

    (folder / "kart").mkdir(parents=True, exist_ok=True)
    (folder / "kart" / "region.yaml").write_text(to_yaml(generate_region(municipalities)), encoding="utf-8")
    shutil.copytree(ROOT / "kart" / "forlop", folder / "kart" / "forlop", dirs_exist_ok=True)
    # the nynorsk pathways adapt the region's shared texts (grunnlag: ../../region/kart/forlop/...)
    shutil.copytree(ROOT / "region" / "kart" / "forlop", folder / "region" / "kart" / "forlop", dirs_exist_ok=True)
    shutil.copytree(ROOT / "kasus", folder / "kasus", dirs_exist_ok=True)
    return folder


def whole_process(root: Path, workspace: Path, runs: int) -> tuple[list[float], list[float]]:
    """(wall seconds, CPU seconds) of each run; CPU time is steadier on a shared machine."""
    env = dict(os.environ, PYTHONPATH=str(root))
    walls, cpus = [], []
    for _ in range(runs + 1):  # the first run warms the disk cache and is not counted
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "sammenkart", "validate", str(workspace)],
                              cwd=root, env=env, capture_output=True, text=True, timeout=300)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode not in (0, 1):
            raise RuntimeError(proc.stderr[-2000:])
    return walls[1:], cpus[1:]


_IN_PROCESS = r"""
import statistics, sys, time
from sammenkart.yamlfile import load_yaml
from sammenkart.loader import load_map_file, load_workspace
ws_path, runs = sys.argv[1], int(sys.argv[2])
region = ws_path + "/kart/region.yaml"
def med(fn):
    out = []
    for _ in range(runs):
        t0 = time.perf_counter(); fn(); out.append(time.perf_counter() - t0)
    return statistics.median(out) * 1000
m, problems = load_map_file(region)
print(f"services {len(m.tjenester) if m else 0}  links {len(m.samarbeid) if m else 0}  errors {sum(p.is_error for p in problems)}")
print(f"parse region file        {med(lambda: load_yaml(region)):7.1f} ms")
print(f"read region into a map   {med(lambda: load_map_file(region)):7.1f} ms  (parse included)")
ws = load_workspace(ws_path)
n_pathways = len(list(ws.all_pathways())) if hasattr(ws, "all_pathways") else len(ws.pathways)
print(f"load whole workspace     {med(lambda: load_workspace(ws_path)):7.1f} ms  "
      f"(+{n_pathways} pathways, {len(ws.cases)} cases, references)")
"""


def in_process(root: Path, workspace: Path, runs: int) -> str:
    env = dict(os.environ, PYTHONPATH=str(root))
    proc = subprocess.run([sys.executable, "-c", _IN_PROCESS, str(workspace), str(runs)], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return proc.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=ROOT, help="the checkout whose sammenkart is timed")
    ap.add_argument("--kommuner", type=int, default=60)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--keep", type=Path, default=None, help="write the workspace here and keep it")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workspace = write_workspace(args.keep or Path(tmp) / "ws", args.kommuner)
        print(f"code: {args.root}   workspace: {workspace}")
        print(in_process(args.root, workspace, args.runs), end="")
        walls, cpus = whole_process(args.root, workspace, args.runs)
        for label, times in (("wall", walls), ("CPU ", cpus)):
            print(f"validate, whole process  {statistics.median(times) * 1000:7.1f} ms {label} median "
                  f"({min(times) * 1000:.0f}–{max(times) * 1000:.0f} ms over {len(times)} runs)")


if __name__ == "__main__":
    main()
