"""Demo staff: coordinators, caseworkers in every organisation, a leadership group and an
administrator. All share the password ``DEMO_PASSWORD``.

Usernames: ``coach.<förnamn>`` (samverkanscoach), ``<org>.<förnamn>`` (caseworkers: af, amf,
sfi, fk, soc, region), ``ledare.<förnamn>`` (ledningsgrupp). The first account of each role has
a plain name: ``coach``, ``handlaggare``, ``ledare``, ``admin``.
"""

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission

from kitt.accounts.models import Role, User
from kitt.directory.models import Unit

from . import organisations
from .base import upsert

DEMO_PASSWORD = "kitt-demo-2026"
ADMIN_GROUP = "Kitt-administratörer"
# The administrator manages the directory and staff accounts, nothing with personal data.
ADMIN_MODELS = [
    ("directory", "organisation"),
    ("directory", "unit"),
    ("directory", "need"),
    ("directory", "service"),
    ("accounts", "user"),
    ("cases", "intakecriterion"),
    ("cases", "lifearea"),
    ("meetings", "agendatemplate"),
]


@dataclass(frozen=True)
class DemoStaff:
    username: str
    first_name: str
    last_name: str
    org: str
    unit: str
    role: str
    title: str
    try_this: str
    protected_identity: bool = False

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


C, W, L, A = Role.COORDINATOR, Role.CASEWORKER, Role.LEADER, Role.ADMINISTRATOR
SE = "Samordnad etablering"

STAFF: list[DemoStaff] = [
    # Samverkanscoacher sit at the labour-market administration (Samordnad etablering).
    DemoStaff(
        "coach",
        "Kristina",
        "Holm",
        "amf",
        SE,
        C,
        "Samverkanscoach",
        "Register a person, build their team, and search the directory for who can help "
        'with housing ("boende")',
    ),
    DemoStaff(
        "coach.joakim",
        "Joakim",
        "Persson",
        "amf",
        SE,
        C,
        "Samverkanscoach",
        "See the people you coordinate",
    ),
    DemoStaff(
        "coach.leila",
        "Leila",
        "Haddad",
        "amf",
        SE,
        C,
        "Samverkanscoach",
        "Compare with `coach`: each coordinator sees only their own people",
    ),
    DemoStaff(
        "coach.oskar",
        "Oskar",
        "Lindqvist",
        "amf",
        SE,
        C,
        "Samverkanscoach, unga vuxna",
        "Find services for mental health and sleep",
    ),
    # Caseworkers: Arbetsförmedlingen
    DemoStaff(
        "handlaggare",
        "Marcus",
        "Nilsson",
        "af",
        "Trelleborg – etablering och introduktion",
        W,
        "Arbetsförmedlare",
        'See the people whose team you are on (AF calls them "kund") and what the other '
        "agencies offer",
    ),
    DemoStaff(
        "af.sofia",
        "Sofia",
        "Bergström",
        "af",
        "Trelleborg – etablering och introduktion",
        W,
        "Arbetsförmedlare",
        "Search \"praktik\" and compare AF's and the municipality's offers",
    ),
    DemoStaff(
        "af.amira",
        "Amira",
        "Hassan",
        "af",
        "Trelleborg – arbetsgivarkontakt",
        W,
        "Arbetsförmedlare, arbetsgivarkontakt",
        'Filter the directory by the need "Arbete"',
    ),
    DemoStaff(
        "af.johan",
        "Johan",
        "Ek",
        "af",
        "Trelleborg – rehabilitering till arbete",
        W,
        "Arbetsterapeut",
        'Search "arbetsförmåga"',
    ),
    # Caseworkers: Arbetsmarknadsförvaltningen
    DemoStaff(
        "amf.johanna",
        "Johanna",
        "Svensson",
        "amf",
        "Jobbcentrum",
        W,
        "Arbetsmarknadshandläggare",
        'The caseworker home page in AMF\'s words ("sökande")',
    ),
    DemoStaff(
        "amf.dragan",
        "Dragan",
        "Petrović",
        "amf",
        "Arbetsträning och praktik – Verkstaden",
        W,
        "Arbetskonsulent",
        'Search "arbetsträning"',
    ),
    DemoStaff(
        "amf.linda",
        "Linda",
        "Olsson",
        "amf",
        "Budget- och skuldrådgivning",
        W,
        "Budget- och skuldrådgivare",
        'Search "skulder" (debts): finds debt counselling by its need',
    ),
    # Caseworkers: SFI och Komvux
    DemoStaff(
        "sfi.nadia",
        "Nadia",
        "Karimi",
        "sfi",
        "SFI",
        W,
        "SFI-lärare",
        'SFI\'s word is "elev"; search "svenska"',
    ),
    DemoStaff(
        "sfi.per",
        "Per",
        "Håkansson",
        "sfi",
        "Studie- och yrkesvägledning",
        W,
        "Studie- och yrkesvägledare",
        'Filter the directory by the need "Utbildning"',
    ),
    DemoStaff(
        "sfi.farah",
        "Farah",
        "Ahmadi",
        "sfi",
        "Samhällsorientering",
        W,
        "Samhällskommunikatör",
        "Open the organisation page of SFI och Komvux",
    ),
    # Caseworkers: Försäkringskassan
    DemoStaff(
        "fk.peter",
        "Peter",
        "Lund",
        "fk",
        "Sjukförsäkring Malmö–Trelleborg",
        W,
        "Handläggare sjukförsäkring",
        'Search "avstämningsmöte"',
    ),
    DemoStaff(
        "fk.maria",
        "Maria",
        "Gustafsson",
        "fk",
        "Aktivitetsersättning Syd",
        W,
        "Handläggare aktivitetsersättning",
        'Search "aktivitetsersättning"',
    ),
    # Caseworkers: Socialtjänsten
    DemoStaff(
        "soc.camilla",
        "Camilla",
        "Andersson",
        "soc",
        "Försörjningsstöd",
        W,
        "Socialsekreterare",
        'Social services\' word is "klient"; search "ekonomi"',
    ),
    DemoStaff(
        "soc.jonas",
        "Jonas",
        "Åberg",
        "soc",
        "Vuxenenheten – beroende och öppenvård",
        W,
        "Socialsekreterare, beroende",
        "Protected identity: your name is never shown in a person's log",
        protected_identity=True,
    ),
    DemoStaff(
        "soc.emma",
        "Emma",
        "Nyström",
        "soc",
        "Boendeenheten",
        W,
        "Boendesamordnare",
        'Search "vräkning" (eviction)',
    ),
    # Caseworkers: Region Skåne
    DemoStaff(
        "region.elin",
        "Elin",
        "Sjöberg",
        "region",
        "Vårdcentralen Trelleborg Centrum",
        W,
        "Kurator",
        'Health care\'s word is "patient"; health notes need their own consent',
    ),
    DemoStaff(
        "region.karin",
        "Karin",
        "Wallin",
        "region",
        "Vårdcentralen Trelleborg Centrum",
        W,
        "Distriktssköterska",
        'Filter the directory by the need "Sömn och dygnsrytm"',
    ),
    DemoStaff(
        "region.hassan",
        "Hassan",
        "Al-Sayed",
        "region",
        "Vuxenpsykiatrin Trelleborg – allmänpsykiatrisk mottagning",
        W,
        "Arbetsterapeut",
        'Search "IPS" to find supported employment',
    ),
    DemoStaff(
        "region.mikael",
        "Mikael",
        "Holmberg",
        "region",
        "Traumamottagningen för flyktingar",
        W,
        "Psykolog",
        'Search "trauma"',
    ),
    # Ledningsgrupp: one leader per party.
    DemoStaff(
        "ledare",
        "Ulrika",
        "Hansson",
        "amf",
        "Förvaltningsledning",
        L,
        "Förvaltningschef, Arbetsmarknadsförvaltningen",
        "The leadership overview: aggregates only, never an individual",
    ),
    DemoStaff(
        "ledare.thomas",
        "Thomas",
        "Wikström",
        "af",
        "Sektionsledning Söderslätt",
        L,
        "Sektionschef",
        'No "Deltagare" in the menu: leaders see no individuals',
    ),
    DemoStaff(
        "ledare.birgitta",
        "Birgitta",
        "Lindgren",
        "sfi",
        "Rektorsområde vuxenutbildning",
        L,
        "Rektor, vuxenutbildningen",
        "The leadership overview: parties, staff and services side by side",
    ),
    DemoStaff(
        "ledare.anders",
        "Anders",
        "Blom",
        "fk",
        "Lokal samverkan Söderslätt",
        L,
        "Enhetschef",
        'Every role may search the directory: try the need "Ekonomi"',
    ),
    DemoStaff(
        "ledare.helena",
        "Helena",
        "Ström",
        "soc",
        "Individ- och familjeomsorgen – ledning",
        L,
        "IFO-chef",
        "Open /personer/ by hand: refused, leaders see no individual",
    ),
    DemoStaff(
        "ledare.goran",
        "Göran",
        "Sandberg",
        "region",
        "Verksamhetsledning primärvård Söderslätt",
        L,
        "Verksamhetschef, primärvården",
        "The leadership overview",
    ),
    # Administrator: Django admin for the directory and staff accounts, not a superuser.
    DemoStaff(
        "admin",
        "Lena",
        "Friberg",
        "amf",
        "Förvaltningsledning",
        A,
        "Systemförvaltare",
        'Open "Administration": edit the directory and staff accounts (no personal data)',
    ),
]


def _admin_group() -> Group:
    group, _ = Group.objects.get_or_create(name=ADMIN_GROUP)
    wanted = set(
        Permission.objects.filter(
            content_type__app_label__in={app for app, _ in ADMIN_MODELS},
            content_type__model__in={model for _, model in ADMIN_MODELS},
        ).values_list("pk", flat=True)
    )
    if set(group.permissions.values_list("pk", flat=True)) != wanted:
        group.permissions.set(wanted)
    return group


def seed() -> str:
    units = {(u.organisation.name, u.name): u for u in Unit.objects.select_related("organisation")}
    group = _admin_group()
    created = 0
    password_hash = None  # hashed once: the demo accounts share one known password
    for spec in STAFF:
        org_name = organisations.ORGANISATIONS[spec.org]["name"]
        unit = units[(org_name, spec.unit)]
        is_admin = spec.role == Role.ADMINISTRATOR
        user, was_created = upsert(
            User,
            lookup={"username": spec.username},
            values={
                "first_name": spec.first_name,
                "last_name": spec.last_name,
                "email": f"{spec.username}@kitt-demo.example",
                "organisation_id": unit.organisation_id,
                "unit_id": unit.pk,
                "role": spec.role,
                "title": spec.title,
                "protected_identity": spec.protected_identity,
                "is_active": True,
                "is_staff": is_admin,
                "is_superuser": False,
            },
        )
        if was_created:
            # Passwords are set once; a second run leaves a changed password alone.
            password_hash = password_hash or make_password(DEMO_PASSWORD)
            user.password = password_hash
            user.save(update_fields=["password"])
            created += 1
        if is_admin and not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
    roles = ", ".join(
        f"{sum(s.role == role for s in STAFF)} {plural}" for role, plural in ROLE_PLURALS.items()
    )
    return f"{len(STAFF)} konton ({created} nya): {roles}"


ROLE_PLURALS = {
    Role.COORDINATOR: "samverkanscoacher",
    Role.CASEWORKER: "handläggare",
    Role.LEADER: "i ledningsgruppen",
    Role.ADMINISTRATOR: "administratör",
}
ROLE_NAMES = {  # English, for the README
    Role.COORDINATOR: "coordinator",
    Role.CASEWORKER: "caseworker",
    Role.LEADER: "leader",
    Role.ADMINISTRATOR: "administrator",
}


def logins_markdown() -> str:
    """The table of demo logins for the README (kitt/demo/LOGINS.md is generated from it)."""
    lines = [
        "| username | name | organisation | role | what to try |",
        "|---|---|---|---|---|",
    ]
    for s in STAFF:
        org = organisations.ORGANISATIONS[s.org]["short_name"]
        role = f"{ROLE_NAMES[s.role]}: {s.title}"
        lines.append(f"| `{s.username}` | {s.full_name} | {org} | {role} | {s.try_this} |")
    return "\n".join(lines) + "\n"
