"""Demo people: a few hundred synthetic participants with their teams and consents.

Deterministic (a fixed random seed) and idempotent: a person whose identity number already exists
is left alone. Registration and consent go through the real services, so every person's audit
trail starts with their registration, as it would in real use.
"""

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from kitt.access.categories import Category
from kitt.accounts.models import Role, User
from kitt.consent import services as consent_services
from kitt.consent.models import ConsentGrant, ConsentMethod
from kitt.directory.models import OrganisationKind
from kitt.people import services as people_services
from kitt.people.identity import synthetic_identity_number
from kitt.people.models import Person, TeamMembership

SEED = 20261125


def _how_many() -> int:
    """240 for `make run`; the test settings ask for fewer so that suites loading the demo stay
    quick (the people drive the size of every later step)."""
    from django.conf import settings

    return getattr(settings, "KITT_DEMO_PEOPLE", 240)


NAMES = {
    "ar": (
        [
            "Ahmad",
            "Rania",
            "Yousef",
            "Amal",
            "Omar",
            "Lina",
            "Khaled",
            "Noor",
            "Samir",
            "Huda",
            "Bashar",
            "Dima",
            "Tariq",
            "Rasha",
            "Mahmoud",
            "Salma",
        ],
        [
            "Al-Hassan",
            "Haddad",
            "Khalil",
            "Saleh",
            "Mahmoud",
            "Nasser",
            "Darwish",
            "Ibrahim",
            "Al-Jaber",
            "Youssef",
            "Hamdan",
            "Suleiman",
        ],
    ),
    "ti": (
        [
            "Senait",
            "Yonas",
            "Helen",
            "Filmon",
            "Merhawi",
            "Selam",
            "Dawit",
            "Saba",
            "Tesfalem",
            "Ruta",
        ],
        ["Tesfay", "Gebremedhin", "Kidane", "Berhane", "Habte", "Haile", "Woldu", "Ghebreyesus"],
    ),
    "prs": (
        [
            "Mohammad",
            "Fatima",
            "Zahra",
            "Ali",
            "Hamid",
            "Maryam",
            "Reza",
            "Shabnam",
            "Farid",
            "Nilofar",
        ],
        ["Rahimi", "Ahmadi", "Hosseini", "Sultani", "Karimi", "Nazari", "Jafari", "Sadat"],
    ),
    "so": (
        ["Hodan", "Abdirahman", "Ayaan", "Khadra", "Mohamed", "Fadumo", "Abdullahi", "Ifrah"],
        ["Abdi", "Farah", "Mohamed", "Yusuf", "Hassan", "Warsame", "Ali", "Omar"],
    ),
    "uk": (
        ["Olena", "Iryna", "Andriy", "Oksana", "Dmytro", "Kateryna", "Serhiy", "Natalia"],
        ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchenko"],
    ),
    "sv": (
        [
            "Emma",
            "Johan",
            "Sara",
            "Mikael",
            "Linnea",
            "Anders",
            "Jessica",
            "Patrik",
            "Malin",
            "Niklas",
            "Sofia",
            "Kristoffer",
            "Elin",
            "Daniel",
            "Therese",
            "Marcus",
            "Hanna",
            "Robin",
            "Camilla",
            "Jonas",
        ],
        [
            "Lindqvist",
            "Persson",
            "Nilsson",
            "Jönsson",
            "Olsson",
            "Mårtensson",
            "Andersson",
            "Håkansson",
            "Svensson",
            "Larsson",
            "Bengtsson",
            "Ohlsson",
            "Paulsson",
            "Holm",
        ],
    ),
}
INTERPRETER_LANGUAGE = {
    "ar": "arabiska",
    "ti": "tigrinja",
    "prs": "dari",
    "so": "somaliska",
    "uk": "ukrainska",
}
STREETS = [
    "Algatan",
    "Hedvägen",
    "Västergatan",
    "Bryggaregatan",
    "Kontinentgatan",
    "Östergatan",
    "Stavstensvägen",
    "Skegriegatan",
    "Corfitz Beck-Friis gata",
    "Rådmansgatan",
]


@dataclass(frozen=True)
class Profile:
    """A kind of situation, with the organisations usually involved and what they get to see."""

    name: str
    languages: tuple[str, ...]
    ages: tuple[int, int]
    consents: dict  # organisation kind -> categories


ALL = [
    Category.MAPPING,
    Category.PLAN,
    Category.MEETINGS,
    Category.PROGRESSION,
    Category.OUTCOMES,
    Category.HEALTH,
]
PROFILES = [
    Profile(
        "nyanländ",
        ("ar", "ti", "prs", "so", "uk"),
        (20, 55),
        {
            OrganisationKind.EMPLOYMENT_SERVICE: [
                Category.MAPPING,
                Category.PLAN,
                Category.MEETINGS,
                Category.PROGRESSION,
                Category.OUTCOMES,
            ],
            OrganisationKind.ADULT_EDUCATION: [
                Category.PLAN,
                Category.MEETINGS,
                Category.PROGRESSION,
            ],
        },
    ),
    Profile(
        "långt från arbete, psykisk ohälsa",
        ("sv", "ar"),
        (25, 60),
        {
            OrganisationKind.EMPLOYMENT_SERVICE: [
                Category.PLAN,
                Category.MEETINGS,
                Category.OUTCOMES,
            ],
            OrganisationKind.SOCIAL_INSURANCE: [
                Category.PLAN,
                Category.MEETINGS,
                Category.OUTCOMES,
            ],
            OrganisationKind.HEALTH_CARE: [Category.PLAN, Category.MEETINGS, Category.HEALTH],
        },
    ),
    Profile(
        "ung utan arbete eller studier",
        ("sv", "so", "ar"),
        (18, 24),
        {
            OrganisationKind.SOCIAL_SERVICES: [Category.MAPPING, Category.PLAN, Category.MEETINGS],
            OrganisationKind.ADULT_EDUCATION: [
                Category.PLAN,
                Category.MEETINGS,
                Category.PROGRESSION,
            ],
        },
    ),
    Profile(
        "försörjningsstöd, skulder",
        ("sv", "prs", "ti"),
        (30, 60),
        {
            OrganisationKind.SOCIAL_SERVICES: [
                Category.MAPPING,
                Category.PLAN,
                Category.MEETINGS,
                Category.OUTCOMES,
            ],
            OrganisationKind.EMPLOYMENT_SERVICE: [Category.PLAN, Category.MEETINGS],
        },
    ),
]


def _staff_by_kind() -> dict:
    """One list of caseworkers per organisation kind, in a stable order."""
    result: dict = {}
    for user in (
        User.objects.filter(role=Role.CASEWORKER, is_active=True)
        .select_related("organisation")
        .order_by("username")
    ):
        result.setdefault(user.organisation.kind, []).append(user)
    return result


def _birth_date(rng: random.Random, ages: tuple[int, int]) -> datetime.date:
    today = timezone.localdate()
    age = rng.randint(*ages)
    return datetime.date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))


def seed() -> str:
    coordinators = list(
        User.objects.filter(role=Role.COORDINATOR, is_active=True)
        .select_related("organisation")
        .order_by("username")
    )
    if not coordinators:
        return "inga samverkanscoacher – kör steget personal först"
    caseworkers = _staff_by_kind()
    rng = random.Random(SEED)
    created = 0
    for index in range(_how_many()):
        profile = PROFILES[index % len(PROFILES)]
        language = rng.choice(profile.languages)
        first = rng.choice(NAMES[language][0])
        last = rng.choice(NAMES[language][1])
        born = _birth_date(rng, profile.ages)
        newly_arrived = language != "sv"
        reserve = newly_arrived and index % 17 == 0
        coordination = newly_arrived and index % 5 == 0
        number = synthetic_identity_number(born, index + 1, coordination=coordination)
        coordinator = coordinators[index % len(coordinators)]
        # Draws happen whether or not the person exists, so every run sees the same sequence.
        months_ago = rng.randint(0, 22)
        withdraw = rng.random() < 0.06
        street = f"{rng.choice(STREETS)} {rng.randint(1, 60)}"
        phone = f"070-{rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
        address = f"{street}, 231 {rng.randint(31, 99)} Trelleborg"
        if Person.objects.filter(first_name=first, last_name=last, address=address).exists():
            continue
        with transaction.atomic():
            person = people_services.person_register(
                actor=coordinator,
                identity_number="" if reserve else number,
                reserve_identity=reserve,
                first_name=first,
                last_name=last,
                preferred_language=language,
                interpreter_needed=newly_arrived and index % 3 != 0,
                interpreter_language=INTERPRETER_LANGUAGE.get(language, "")
                if newly_arrived and index % 3 != 0
                else "",
                phone=phone,
                address=address,
            )
            started = timezone.now() - datetime.timedelta(days=30 * months_ago + index % 30)
            Person.objects.filter(pk=person.pk).update(created_at=started)
            _consent_and_team(person, coordinator, profile, caseworkers, index, started, withdraw)
        created += 1
    return f"{Person.objects.count()} personer ({created} nya) med team och samtycken"


def _consent_and_team(person, coordinator, profile, caseworkers, index, started, withdraw):
    valid_from = timezone.localtime(started).date()
    consent_services.consent_register(
        actor=coordinator,
        person=person,
        organisation=coordinator.organisation,
        categories=ALL,
        purpose="Samordnat stöd mot arbete eller studier i samverkan",
        valid_from=valid_from,
        valid_until=None,
        method=ConsentMethod.VERBAL,
        witness_name="Tolk och handläggare vid gemensam inskrivning",
    )
    for kind, categories in profile.consents.items():
        staff = caseworkers.get(kind) or []
        if not staff or kind == coordinator.organisation.kind:
            continue
        member = staff[index % len(staff)]
        people_services.team_add_member(actor=coordinator, person=person, user=member)
        grants = consent_services.consent_register(
            actor=coordinator,
            person=person,
            organisation=member.organisation,
            categories=categories,
            purpose="Samordnat stöd mot arbete eller studier i samverkan",
            valid_from=valid_from,
            valid_until=valid_from + datetime.timedelta(days=730),
            method=ConsentMethod.PORTAL if index % 4 == 0 else ConsentMethod.VERBAL,
            witness_name="" if index % 4 == 0 else "Kollega vid inskrivningen",
        )
        if withdraw and kind == OrganisationKind.HEALTH_CARE:
            consent_services.consent_withdraw(
                actor=coordinator,
                grant=grants[-1],
                note="Personen vill inte att vården delar anteckningar längre.",
            )
    ConsentGrant.objects.filter(person=person).update(given_at=started)
    TeamMembership.objects.filter(person=person).update(started_at=started)
