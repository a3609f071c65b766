"""Compile resources/translations/*/LC_MESSAGES/*.po into the .mo files gettext reads.

    python scripts/compile_translations.py

The .mo files are committed so an installed Sammenkart needs no build tools.
Handles the plain msgid/msgstr entries we write (no plurals, no contexts).
"""
from __future__ import annotations

import ast
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "resources" / "translations"


def parse_po(text: str) -> dict[str, str]:
    entries, key, current = {}, None, None
    msgid, msgstr = [], []
    for line in text.splitlines() + [""]:
        line = line.strip()
        if line.startswith("msgid "):
            if key is not None:
                entries["".join(msgid)] = "".join(msgstr)
            key, current, msgid, msgstr = "id", msgid, [ast.literal_eval(line[6:])], []
            current = msgid
        elif line.startswith("msgstr "):
            msgstr = [ast.literal_eval(line[7:])]
            current = msgstr
        elif line.startswith('"') and current is not None:
            current.append(ast.literal_eval(line))
    if key is not None:
        entries["".join(msgid)] = "".join(msgstr)
    return entries


def write_mo(entries: dict[str, str], out: Path) -> None:
    """The GNU .mo layout: header, two offset tables, then the strings."""
    keys = sorted(entries)
    ids = [k.encode("utf-8") for k in keys]
    strs = [entries[k].encode("utf-8") for k in keys]
    n = len(keys)
    start = 7 * 4 + 16 * n
    offsets, data = [], b""
    for s in ids + strs:
        offsets.append((len(s), start + len(data)))
        data += s + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, n, 7 * 4, 7 * 4 + 8 * n, 0, 0)
    table = b"".join(struct.pack("<2I", *o) for o in offsets)
    out.write_bytes(header + table + data)


def main() -> None:
    for po in sorted(ROOT.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        write_mo(parse_po(po.read_text(encoding="utf-8")), mo)
        print(mo.relative_to(ROOT.parent.parent))


if __name__ == "__main__":
    main()
