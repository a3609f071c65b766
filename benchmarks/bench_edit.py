"""How long editing takes in the pure editor (no Qt).

Run: .venv/bin/python benchmarks/bench_edit.py [--region]

Prints, for the example map (and with --region for the synthetic region of
benchmarks/gen_region.py, written as a map file):
- "edit": the pure part of one edit as the GUI will do it: the operation
  (splice the file's text), the change broadcast to a listener that reads the
  new map snapshot, and ``problems()`` for the edited state;
- "check": one check-as-you-type call (``check_field``);
- "save": ``save()`` of the edited map (text to disk, atomically, with fsync);
- "open": ``Editor.open`` of the folder;
- "reload": another program changes the map's first line while an edit is
  unsaved: ``reload`` (the three-way merge, and every state of the history,
  one entry per round, moved onto the new text) and ``problems()``.
Median and worst of many runs, in milliseconds. Targets (issue 8): save of the
example map ≤ 100 ms median; edit + repaint ≤ 30 ms (the repaint is Qt's part,
measured in phase B).
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sammenkart import paths  # noqa: E402
from sammenkart.editing import Editor  # noqa: E402


def _ms(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:7.1f} ms, worst {max(samples) * 1000:7.1f} ms (n={len(samples)})"


def bench(root: Path, map_id: str, service_ids: list[str], rounds: int) -> None:
    t0 = time.perf_counter()
    ed = Editor.open(root)
    ed.problems()
    opened = time.perf_counter() - t0
    seen = []
    ed.subscribe(lambda change: seen.append(ed.map(change.file_id)))
    edits, checks, saves = [], [], []
    for k in range(rounds):
        sid = service_ids[k % len(service_ids)]
        t0 = time.perf_counter()
        ed.set_service(map_id, sid, navn=f"Tjeneste {k}", niva=k % 3)
        ed.problems()
        edits.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        ed.check_field(("service", map_id, sid), "niva", str(k % 5))
        checks.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        ed.save()
        saves.append(time.perf_counter() - t0)
    assert len(seen) >= rounds and all(m is not None for m in seen)
    path = ed.document("map", map_id).path
    reloads = []
    for k in range(5):
        ed.set_service(map_id, service_ids[0], navn=f"Ulagret {k}")
        text = path.read_text(encoding="utf-8")
        path.write_text(f"# endret av et annet program {k}\n" + text, encoding="utf-8")
        t0 = time.perf_counter()
        ed.reload(path)
        ed.problems()
        reloads.append(time.perf_counter() - t0)
        assert ed.last_merge.clean and ed.map(map_id).service(service_ids[0]).navn == f"Ulagret {k}"
        ed.save()
    size = ed.document("map", map_id).path.stat().st_size
    print(f"  map file: {size / 1024:.0f} KiB, {len(ed.map(map_id).tjenester)} services, {len(ed.documents)} files open")
    print(f"  open:  {opened * 1000:7.1f} ms")
    print(f"  edit:  {_ms(edits)}   (operation + broadcast + new snapshot + problems)")
    print(f"  check: {_ms(checks)}")
    print(f"  save:  {_ms(saves)}")
    print(f"  reload: {_ms(reloads)}   (merge, {len(ed.history)} history entries moved, problems)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--region", action="store_true", help="also the synthetic region (~2,500 services)")
    ap.add_argument("--rounds", type=int, default=60)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "eksempel"
        shutil.copytree(paths.kart_dir(), root / "kart")
        shutil.copytree(paths.kart_dir().parent / "kasus", root / "kasus")
        shutil.copytree(paths.region_dir(), root / "region")  # the shared texts kart/forlop/*.nn.yaml adapt
        ids = ["ppt", "bup", "helsestasjon", "skole-nord", "barnevern", "legevakt"]
        print("Eksempelkommune (with its 7 pathways and 9 cases):")
        bench(root, "eksempelkommune", ids, args.rounds)
        if args.region:
            from gen_region import generate_region, to_yaml

            region = Path(tmp) / "region"
            shutil.copytree(paths.kart_dir() / "forlop", region / "kart" / "forlop")
            shutil.copytree(paths.region_dir() / "kart" / "forlop", region / "region" / "kart" / "forlop")
            m = generate_region()
            (region / "kart" / "region.yaml").write_text(to_yaml(m), encoding="utf-8")
            print("Synthetic region (with the 7 pathways):")
            bench(region, "region", [s.id for s in m.tjenester[::97]], max(10, args.rounds // 4))


if __name__ == "__main__":
    main()
