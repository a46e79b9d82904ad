"""The six parties of a Trelleborg-like collaboration and their units.

Other seed modules refer to an organisation by its key (``"af"``, ``"amf"`` …) through
``organisation(key)`` and to a unit by ``unit(key, name)``.
"""

from kitt.directory.models import Organisation, OrganisationKind, Unit

from .base import upsert

ORGANISATIONS: dict[str, dict] = {
    "af": {
        "name": "Arbetsförmedlingen",
        "short_name": "AF",
        "kind": OrganisationKind.EMPLOYMENT_SERVICE,
        "person_term": "kund",
        "contact": "Kundtjänst 0771-416 416 · trelleborg@arbetsformedlingen.example",
        "mandate": (
            "Statlig myndighet med ansvar för arbetsmarknadspolitiken. Arbetsförmedlingen "
            "beslutar om etableringsprogrammet och andra arbetsmarknadspolitiska program, "
            "anvisar till arbetsmarknadsutbildning, praktik och subventionerade anställningar "
            "och upphandlar stöd och matchning från fristående leverantörer.\n\n"
            "I samverkan bidrar Arbetsförmedlingen med kunskap om arbetsmarknaden, "
            "arbetsgivarkontakter och arbetslivsinriktad rehabilitering."
        ),
        "units": [
            "Trelleborg – etablering och introduktion",
            "Trelleborg – rehabilitering till arbete",
            "Trelleborg – arbetsgivarkontakt",
            "Sektionsledning Söderslätt",
        ],
    },
    "amf": {
        "name": "Arbetsmarknadsförvaltningen, Trelleborgs kommun",
        "short_name": "AMF",
        "kind": OrganisationKind.LABOUR_MARKET,
        "person_term": "sökande",
        "contact": "Jobbcentrum, Kontinentgatan 2 · arbetsmarknad@trelleborg.example",
        "mandate": (
            "Kommunens arbetsmarknadsförvaltning rustar sökande som står långt från "
            "arbetsmarknaden: vägledning, arbetsträning, praktik och kommunala anställningar. "
            "Förvaltningen är värd för projektet Samordnad etablering, där samverkanscoacher "
            "håller ihop planeringen tillsammans med Arbetsförmedlingen och SFI.\n\n"
            "Här finns också kommunens budget- och skuldrådgivning."
        ),
        "units": [
            "Jobbcentrum",
            "Samordnad etablering",
            "Arbetsträning och praktik – Verkstaden",
            "Budget- och skuldrådgivning",
            "Förvaltningsledning",
        ],
    },
    "sfi": {
        "name": "SFI och Komvux Trelleborg",
        "short_name": "SFI/Komvux",
        "kind": OrganisationKind.ADULT_EDUCATION,
        "person_term": "elev",
        "contact": "Expeditionen, Vuxenutbildningens hus · vuxenutbildning@trelleborg.example",
        "mandate": (
            "Bildningsförvaltningens vuxenutbildning: kommunal vuxenutbildning i svenska för "
            "invandrare (SFI), grundläggande och gymnasial vuxenutbildning, yrkesutbildning "
            "för vuxna, samhällsorientering för nyanlända samt studie- och yrkesvägledning. "
            "Bildningsförvaltningen handlägger också förskoleplatser."
        ),
        "units": [
            "SFI",
            "Komvux yrkesutbildning",
            "Studie- och yrkesvägledning",
            "Samhällsorientering",
            "Förskoleantagningen",
            "Rektorsområde vuxenutbildning",
        ],
    },
    "fk": {
        "name": "Försäkringskassan",
        "short_name": "FK",
        "kind": OrganisationKind.SOCIAL_INSURANCE,
        "person_term": "försäkrad",
        "contact": "Kundcenter 0771-524 524 · samverkan.syd@forsakringskassan.example",
        "mandate": (
            "Statlig myndighet som handlägger socialförsäkringen: sjukpenning, "
            "aktivitetsersättning, rehabiliteringsersättning, etableringsersättning och "
            "bostadsbidrag. Försäkringskassan samordnar de rehabiliterande insatserna för "
            "den försäkrade och kallar till avstämningsmöten."
        ),
        "units": [
            "Sjukförsäkring Malmö–Trelleborg",
            "Aktivitetsersättning Syd",
            "Etablering och familj",
            "Lokal samverkan Söderslätt",
        ],
    },
    "soc": {
        "name": "Socialtjänsten, Trelleborgs kommun",
        "short_name": "Socialtjänsten",
        "kind": OrganisationKind.SOCIAL_SERVICES,
        "person_term": "klient",
        "contact": "Socialtjänstens reception · individochfamilj@trelleborg.example",
        "mandate": (
            "Individ- och familjeomsorgen ger ekonomiskt bistånd, stöd till vuxna med "
            "missbruk eller beroende, bostadssociala insatser och stöd till barn och familjer. "
            "Socialtjänsten har det yttersta ansvaret för att den som vistas i kommunen får "
            "det stöd och den hjälp som hen behöver."
        ),
        "units": [
            "Försörjningsstöd",
            "Vuxenenheten – beroende och öppenvård",
            "Boendeenheten",
            "Barn och familj",
            "Individ- och familjeomsorgen – ledning",
        ],
    },
    "region": {
        "name": "Region Skåne",
        "short_name": "Region Skåne",
        "kind": OrganisationKind.HEALTH_CARE,
        "person_term": "patient",
        "contact": "1177 Vårdguiden · samverkan.trelleborg@skane.example",
        "mandate": (
            "Regionen ansvarar för hälso- och sjukvården: primärvården på vårdcentralerna, "
            "psykiatrin och specialiserad vård för personer med traumaerfarenheter. Regionen "
            "bidrar i samverkan med bedömningar av hälsa och arbetsförmåga, behandling och "
            "rehabilitering."
        ),
        "units": [
            "Vårdcentralen Trelleborg Centrum",
            "Vuxenpsykiatrin Trelleborg – allmänpsykiatrisk mottagning",
            "Traumamottagningen för flyktingar",
            "Verksamhetsledning primärvård Söderslätt",
        ],
    },
}


def organisation(key: str) -> Organisation:
    """The demo organisation with this key (after ``seed`` has run)."""
    return Organisation.objects.get(name=ORGANISATIONS[key]["name"])


def unit(key: str, name: str) -> Unit:
    """A unit of the demo organisation ``key`` (after ``seed`` has run)."""
    return Unit.objects.get(organisation__name=ORGANISATIONS[key]["name"], name=name)


def seed() -> str:
    units = 0
    for spec in ORGANISATIONS.values():
        fields = {k: v for k, v in spec.items() if k not in ("name", "units")}
        org, _ = upsert(Organisation, lookup={"name": spec["name"]}, values=fields)
        for name in spec["units"]:
            Unit.objects.get_or_create(organisation=org, name=name)
            units += 1
    return f"{len(ORGANISATIONS)} organisationer, {units} enheter"
