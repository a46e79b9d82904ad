import datetime

import factory

from kitt.accounts.tests.factories import UserFactory
from kitt.people.identity import synthetic_identity_number
from kitt.people.models import IdentityKind, Person, TeamMembership, TeamRole


def _valid_personnummer(n: int) -> str:
    born = datetime.date(1980, 1, 1) + datetime.timedelta(days=n % 9000)
    return synthetic_identity_number(born, n // 9000)


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
