"""A hand-built map and pathway for the poster tests (no loader needed)."""
import datetime as dt

from sammenkart.model import Contact, FlowStep, Link, Map, Pathway, Role, Service

SERVICES = [
    # id, name, level, sector, type
    ("barnehage", "Barnehagene", 0, "kommune", ""),
    ("skole", "Grunnskolene", 0, "kommune", ""),
    ("helsestasjon", "Helsestasjon (0–5 år)", 0, "kommune", ""),
    ("skolehelsetjeneste", "Skolehelsetjenesten", 0, "kommune", ""),
    ("fritid", "Fritidsklubben Ungdomshuset", 0, "kommune", ""),
    ("idrett", "Idrettslaget", 0, "frivillig", "idrettslag"),
    ("vgs", "Videregående skole", 0, "fylkeskommune", "videregaende"),
    ("sami", "Sámi mánáidgárdi – Čálli, Đuoddara, Ŋuorra, Šaddu, Ŧ, Žárgon (č đ ŋ š ŧ ž)", 0, "kommune",
     "barnehage"),
    ("hfu", "Helsestasjon for ungdom", 1, "kommune", "helsestasjon-ungdom"),
    ("ppt", "Pedagogisk-psykologisk tjeneste (PPT)", 1, "kommune", ""),
    ("fastlege", "Fastlegene", 1, "fastlege", ""),
    ("legevakt", "Legevakt", 1, "kommune", ""),
    ("lavterskel", "Barn & unge <13>", 1, "kommune", "lavterskel"),
    ("nav", "NAV", 1, "stat", ""),
    ("alarm", "Alarmtelefonen for barn og unge 116 111", 1, "stat", "alarmtelefon"),
    ("psykisk", "Psykisk helsetjeneste for barn og unge", 2, "kommune", "psykisk-helse"),
    ("psykolog", "Kommunepsykologen", 2, "kommune", "kommunepsykolog"),
    ("barnevern", "Barneverntjenesten", 2, "kommune", ""),
    ("familievern", "Familievernkontoret", 2, "stat", ""),
    ("koordinerende", "Koordinerende enhet / barnekoordinator", 2, "kommune", "koordinerende-enhet"),
    ("bup", "BUP (barne- og ungdomspsykiatrisk poliklinikk)", 3, "spesialist", ""),
    ("bup-akutt", "BUP akutteam", 3, "spesialist", ""),
    ("habu", "Habiliteringstjenesten for barn og unge", 3, "spesialist", "habilitering"),
]


def sample_map(nettside="https://www.example.no/sammenkart", contacts=True) -> Map:
    svcs = []
    for i, (sid, navn, niva, sektor, typ) in enumerate(SERVICES):
        k = Contact(telefon=f"53 00 {i:02d} 00", nettside=f"https://www.example.no/{sid}") if contacts else Contact()
        svcs.append(Service(id=sid, navn=navn, niva=niva, sektor=sektor, type=typ, kontakt=k))
    return Map(
        id="testkommune", navn="Testkommune – tjenester for barn og unge", tjenester=svcs,
        oppdatert=dt.date(2026, 11, 1), nettside=nettside,
        samarbeid=[Link(("helsestasjon", "barnehage")), Link(("skolehelsetjeneste", "skole"))],
    )


def sample_pathway() -> Pathway:
    return Pathway(
        id="angst", navn="Angst",
        beskrivelse="Lette og moderate plager følges opp i kommunen.",
        roller={
            "skolehelsetjeneste": Role(rolle="Fanger opp elever som strever og snakker med dem og foreldrene."),
            "fastlege": Role(rolle="Vurderer plagene og henviser videre ved behov."),
            "bup": Role(rolle="Utreder og behandler moderate til alvorlige plager."),
        },
        flyt=[
            FlowStep("skolehelsetjeneste", "fastlege", "henvisning", "plagene varer over fire uker"),
            FlowStep("fastlege", "kommunepsykolog", "samarbeid", "lette til moderate plager"),
            FlowStep("fastlege", "bup", "henvisning", "mistanke om moderate til alvorlige plager"),
            FlowStep("bup", "fastlege", "tilbakemelding", None),
        ],
    )


def pdf_text(path, first: int | None = None, last: int | None = None) -> str:
    """The PDF's text as a reader would copy it (poppler when present, else pypdf)."""
    import shutil
    import subprocess

    if shutil.which("pdftotext"):
        cmd = ["pdftotext", "-enc", "UTF-8"]
        if first:
            cmd += ["-f", str(first)]
        if last:
            cmd += ["-l", str(last)]
        return subprocess.run(cmd + [str(path), "-"], capture_output=True, text=True, check=True).stdout
    from pypdf import PdfReader

    pages = PdfReader(path).pages
    lo, hi = (first or 1) - 1, last or len(pages)
    return "\n".join(p.extract_text() for p in pages[lo:hi])
