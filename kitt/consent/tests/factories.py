import uuid

import factory
from django.utils import timezone

from kitt.access.categories import Category
from kitt.consent.models import ConsentGrant, ConsentMethod
from kitt.directory.tests.factories import OrganisationFactory
from kitt.people.tests.factories import PersonFactory


class ConsentGrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsentGrant

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    category = Category.PLAN
    purpose = "Samordnad planering"
    valid_from = factory.LazyFunction(timezone.localdate)
    method = ConsentMethod.VERBAL
    witness_name = "Vittne Vittnesson"
    batch = factory.LazyFunction(uuid.uuid4)
