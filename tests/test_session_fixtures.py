"""Hand-built map and case for the session tests (no files needed)."""
from sammenkart.model import Case, CaseStep, Map, Service


def fjordvik() -> Map:
    return Map(
        id="fjordvik",
        navn="Fjordvik",
        tjenester=[
            Service("nordvik-skole", "Nordvik skole", 0, "kommune", type="skole"),
            Service("sorvik-skole", "Sørvik skole", 0, "kommune", type="skole"),
            Service("skolehelsetjeneste", "Skolehelsetjenesten", 0, "kommune"),
            Service("fastlege", "Fastlegene i Fjordvik", 1, "fastlege"),
            Service("kommunepsykolog", "Kommunepsykologen", 2, "kommune"),
            Service("bup", "BUP Vestkyst", 3, "spesialist"),
        ],
    )


def emma() -> Case:
    return Case(
        id="emma-test",
        tittel="Emma (14) holder seg hjemme",
        alder=14,
        forlop="angst",
        ingress="Emma har vondt i magen hver morgen.",
        steg=[
            CaseStep("Mandag morgen", "Emma vil ikke gå på skolen.", involverte=["skole"],
                     forslag=["skolehelsetjeneste", "fastlege"],
                     fasilitator="HEMMELIG-FASILITATOR-1: spør om foreldrene"),
            CaseStep("Tre uker senere", "Fraværet øker.", sporsmal=["Hvem tar ansvar?"],
                     involverte=["skolehelsetjeneste"], forslag=["ppt", "kommunepsykolog"],
                     fasilitator="HEMMELIG-FASILITATOR-2"),
            CaseStep("Henvisning", "Fastlegen vurderer BUP.", involverte=["fastlege"],
                     forslag=["bup"]),
        ],
    )
