import datetime

import factory

from kitt.accounts.tests.factories import UserFactory
from kitt.people.models import IdentityKind, Person, TeamMembership, TeamRole


def _valid_personnummer(n: int) -> str:
    """A valid (Luhn-checked) personnummer born 1980-01-01 plus n days."""
    born = datetime.date(1980, 1, 1) + datetime.timedelta(days=n % 9000)
    serial = f"{born:%y%m%d}{(n // 9000) % 1000:03d}"
    digits = [int(c) for c in serial]
    total = 0
    for i, d in enumerate(digits):
        v = d * (2 if i % 2 == 0 else 1)
        total += v - 9 if v > 9 else v
    check = (10 - total % 10) % 10
    return f"{born:%Y%m%d}{serial[6:]}{check}"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    identity_kind = IdentityKind.PERSONAL
    identity_number = factory.Sequence(_valid_personnummer)
    first_name = factory.Faker("first_name", locale="sv_SE")
    last_name = factory.Faker("last_name", locale="sv_SE")


class TeamMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMembership

    person = factory.SubFactory(PersonFactory)
    user = factory.SubFactory(UserFactory)
    role = TeamRole.MEMBER
