"""How long saving a case session takes (every click saves atomically, with fsync).

Run: .venv/bin/python benchmarks/bench_session.py
Prints the median and worst time of one operation + atomic save, the file
size, and the time to load it back.
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sammenkart.model import Case, CaseStep, Map, Service  # noqa: E402
from sammenkart.session import store  # noqa: E402
from sammenkart.session.controller import Session  # noqa: E402


def main() -> None:
    services = [Service(f"t{i}", f"Tjeneste {i}", i % 4, "kommune") for i in range(120)]
    m = Map("bench", "Benk", services)
    steps = [CaseStep(f"Steg {i}", "Tekst " * 80, involverte=["t1"], forslag=["t2", "t3", "t4"])
             for i in range(8)]
    case = Case("bench", "Benk-kasus", steps)
    with tempfile.TemporaryDirectory() as d:
        s = Session(case, m, path=Path(d) / "okt.json")
        times = []
        for step in range(8):
            for i in range(25):
                t0 = time.perf_counter()
                s.toggle_mark(f"t{(i * 7 + step) % 120}")
                times.append(time.perf_counter() - t0)
            s.set_note("fritekst", "Notat " * 200)
            s.next_step()
        t0 = time.perf_counter()
        store.load(s.path)
        load_ms = (time.perf_counter() - t0) * 1000
        size = os.path.getsize(s.path)
    print(f"operations saved: {len(times)}")
    print(f"operation+atomic save: median {statistics.median(times) * 1000:.2f} ms, "
          f"worst {max(times) * 1000:.2f} ms")
    print(f"session file: {size / 1024:.1f} KiB; load: {load_ms:.2f} ms")


if __name__ == "__main__":
    main()
