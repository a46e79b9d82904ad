import factory

from kitt.accounts.models import Role
from kitt.accounts.tests.factories import UserFactory
from kitt.cases.models import Case, Intake, IntakeCriterion, LifeArea, Mapping, MappingRow, Stage
from kitt.people.tests.factories import PersonFactory


class CaseFactory(factory.django.DjangoModelFactory):
    """A case made directly (no policy, no audit): for tests that need one to exist."""

    class Meta:
        model = Case
        skip_postgeneration_save = True

    person = factory.SubFactory(PersonFactory)
    coordinator = factory.SubFactory(UserFactory, role=Role.COORDINATOR)
    stage = Stage.INTAKE
    intake = factory.RelatedFactory("kitt.cases.tests.factories.IntakeFactory", "case")


class IntakeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Intake
        django_get_or_create = ("case",)

    case = factory.SubFactory(CaseFactory, intake=None)


class IntakeCriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntakeCriterion
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Kriterium {n}")
    order = factory.Sequence(lambda n: n)


class MappingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mapping

    case = factory.SubFactory(CaseFactory)
    made_by = factory.SelfAttribute("case.coordinator")


class MappingRowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MappingRow

    mapping = factory.SubFactory(MappingFactory)
    area = factory.Iterator(LifeArea.objects.all())
    own_rating = 5
    professional_rating = 4


def open_case_for(person, coordinator) -> Case:
    """The person's open case, made if there is none (the access-matrix builders use it)."""
    case = Case.objects.open().filter(person=person).first()
    return case or CaseFactory(person=person, coordinator=coordinator)


def default_life_areas() -> list[LifeArea]:
    """The life areas the data migration writes, made again if a transactional test (a live
    server) has flushed them away."""
    import importlib

    migration = importlib.import_module("kitt.cases.migrations.0003_default_life_areas")
    for order, (code, name) in enumerate(migration.DEFAULT_AREAS, start=1):
        LifeArea.objects.get_or_create(code=code, defaults={"name": name, "order": order * 10})
    return list(LifeArea.objects.filter(is_active=True))
