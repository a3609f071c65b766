"""A synthetic region for benchmarks: ~60 municipalities sharing specialist care.

Each municipality gets the municipal services of the example map (same types,
so every bundled pathway applies); the specialist services and a few state
services are shared by the region (no ``kommune``). About 2,500 services.

    python benchmarks/gen_region.py --out /tmp/region.yaml   # write it as a map file
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sammenkart.loader import load_bundled  # noqa: E402
from sammenkart.model import Link, Map  # noqa: E402

SHARED_SECTORS = ("spesialist", "stat")
EXTRA = {"barnehage": 7, "skole": 5}


def generate_region(municipalities: int = 60) -> Map:
    base = load_bundled().maps["eksempelkommune"]
    local = [s for s in base.tjenester if s.sektor not in SHARED_SECTORS]
    shared = [s for s in base.tjenester if s.sektor in SHARED_SECTORS]
    services = [replace(s, kommune=None) for s in shared]
    links = []
    for k in range(1, municipalities + 1):
        name = f"Kommune {k:02d}"
        ids = {}
        for s in local:
            sid = f"k{k:02d}-{s.id}"
            ids[s.id] = sid
            services.append(replace(s, id=sid, type=s.role, navn=s.navn.replace("Eksempelkommune", name), kommune=name))
        # a real municipality has several kindergartens and schools
        for role, count in EXTRA.items():
            proto = base.resolve(role)[0]
            for j in range(count):
                services.append(replace(proto, id=f"k{k:02d}-{role}-{j + 2}", type=role,
                                        navn=f"{proto.navn.split()[0]} {name} {j + 2}", kommune=name))
        for link in base.samarbeid:
            a_refs = [ids[s.id] for s in base.resolve(link.mellom[0]) if s.id in ids]
            b_refs = [ids[s.id] for s in base.resolve(link.mellom[1]) if s.id in ids]
            # links between two local services stay inside the municipality
            links.extend(Link((a, b), link.merknad) for a in a_refs for b in b_refs if a != b)
    # the example map's own levels: its services sit on them
    return Map("region", "Syntetisk region", services, nivaer=list(base.nivaer), type="region", samarbeid=links,
               nettside="https://region.example.no")


def to_yaml(m: Map) -> str:
    import yaml

    def service(s):
        d = {"id": s.id, "navn": s.navn, "type": s.role, "niva": s.niva, "sektor": s.sektor}
        if s.kommune:
            d["kommune"] = s.kommune
        return d

    doc = {"sammenkart": 1, "id": m.id, "navn": m.navn, "type": "region",
           "nivaer": [{"id": lv.id, "navn": lv.navn} for lv in m.nivaer],
           "tjenester": [service(s) for s in m.tjenester],
           "samarbeid": [{"mellom": list(link.mellom)} for link in m.samarbeid]}
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--kommuner", type=int, default=60)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    m = generate_region(args.kommuner)
    if args.out:
        m = replace(m, id=args.out.stem)
        args.out.write_text(to_yaml(m), encoding="utf-8")
        print(f"{args.out}: {len(m.tjenester)} tjenester, {len(m.samarbeid)} samarbeid")
    else:
        print(f"{len(m.tjenester)} tjenester, {len(m.samarbeid)} samarbeid")


if __name__ == "__main__":
    main()
