"""Whole-process `sammenkart export` of maps with absurdly long text.

    python benchmarks/bench_long_text.py            # time each case (5 runs, median)
    python benchmarks/bench_long_text.py --lag MAPPE # only write the maps (to time them with another tool)

Cases, each a small map file written to a temporary folder:
- a service named with one 20,000-letter word (word wrap was quadratic: 47 s);
- a service name of 20,000 words (wraps, then stops at the card's line limit);
- a web address of 2,300 characters (too long for a QR code: it used to crash).
Target: every export under 2 s, as a new process (imports, fonts, load, layout, PDF).
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HEAD = "sammenkart: 1\nid: {id}\nnavn: Langvik kommune\n{extra}tjenester:\n"
SERVICE = "  - id: {id}\n    navn: {navn}\n    niva: {niva}\n    sektor: {sektor}\n"


def write_maps(folder: Path) -> dict[str, Path]:
    """The benchmark's map files in ``folder``/kart; returns {case: file}."""
    kart = folder / "kart"
    kart.mkdir(parents=True, exist_ok=True)
    rest = SERVICE.format(id="fastlege", navn="Fastlegene", niva=1, sektor="fastlege") + \
        SERVICE.format(id="bup", navn="BUP", niva=3, sektor="spesialist")
    cases = {
        "ord-20000": (HEAD.format(id="ord-20000", extra="")
                      + SERVICE.format(id="skole", navn="Skole" + "a" * 20000, niva=0, sektor="kommune") + rest),
        "ord-x-20000": (HEAD.format(id="ord-x-20000", extra="")
                        + SERVICE.format(id="skole", navn=" ".join(f"ord{i}" for i in range(20000)), niva=0,
                                         sektor="kommune") + rest),
        "nettside-2300": (HEAD.format(id="nettside-2300", extra="nettside: https://example.no/" + "x" * 2272 + "\n")
                          + SERVICE.format(id="skole", navn="Skolen", niva=0, sektor="kommune") + rest),
    }
    out = {}
    for name, text in cases.items():
        path = kart / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        out[name] = path
    return out


def run_once(path: Path, out: Path) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "sammenkart", "export", str(path), "--out", str(out), "--papir", "A0"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    took = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lag", type=Path, help="write the map files to this folder and stop")
    ap.add_argument("-n", type=int, default=5, help="runs per case (after one warm-up)")
    args = ap.parse_args()
    if args.lag:
        for name, path in write_maps(args.lag).items():
            print(f"{name}: {path}")
        return
    with tempfile.TemporaryDirectory() as d:
        for name, path in write_maps(Path(d)).items():
            out = Path(d) / f"{name}.pdf"
            run_once(path, out)  # warm-up: file cache, byte-code
            times = [run_once(path, out) for _ in range(args.n)]
            print(f"{name:<14} export A0, hel prosess: median {statistics.median(times):5.2f} s "
                  f"(min {min(times):.2f}, maks {max(times):.2f}; {args.n} kjøringer)  "
                  f"{out.stat().st_size / 1024:5.0f} KiB", flush=True)


if __name__ == "__main__":
    main()
