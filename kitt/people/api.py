"""JSON API for people: the agencies' own systems register and read through the same services."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.response import Response

from kitt.access import permissions as perms
from kitt.access.categories import Category
from kitt.access.decorators import person_view, staff_view

from . import services
from .identity import InvalidIdentityNumber, parse_identity_number
from .languages import PERSON_LANGUAGES
from .models import Person


class PersonSerializer(serializers.ModelSerializer):
    identity_number = serializers.CharField(source="identity_display", read_only=True)

    class Meta:
        model = Person
        fields = [
            "id",
            "identity_kind",
            "identity_number",
            "first_name",
            "last_name",
            "preferred_language",
            "interpreter_needed",
            "interpreter_language",
            "phone",
            "email",
            "address",
            "version",
        ]
        read_only_fields = ["id", "identity_kind", "version"]


class PersonRegisterSerializer(serializers.Serializer):
    identity_number = serializers.CharField(required=False, allow_blank=True, max_length=20)
    reserve_identity = serializers.BooleanField(default=False)
    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(max_length=100)
    preferred_language = serializers.ChoiceField(choices=PERSON_LANGUAGES, default="sv")
    interpreter_needed = serializers.BooleanField(default=False)
    interpreter_language = serializers.CharField(required=False, allow_blank=True, max_length=60)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=30)
    email = serializers.EmailField(required=False, allow_blank=True)
    address = serializers.CharField(required=False, allow_blank=True, max_length=200)

    def validate(self, attrs):
        if not attrs.get("reserve_identity"):
            try:
                parse_identity_number(attrs.get("identity_number", ""))
            except InvalidIdentityNumber as exc:
                raise serializers.ValidationError({"identity_number": str(exc)}) from exc
        return attrs


@staff_view(perms.REGISTER_PERSON)
@extend_schema(request=PersonRegisterSerializer, responses={201: PersonSerializer})
@api_view(["POST"])
def person_register_api(request):
    """Register a person. 400 with a reason per field for invalid input; nothing half-saved."""
    serializer = PersonRegisterSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    try:
        person = services.person_register(actor=request.user, **serializer.validated_data)
    except ValidationError as exc:
        return Response(exc.message_dict, status=status.HTTP_400_BAD_REQUEST)
    return Response(PersonSerializer(person).data, status=status.HTTP_201_CREATED)


def _person(kwargs):
    return get_object_or_404(Person, pk=kwargs["person_id"])


@person_view(Category.IDENTITY, get_person=_person, purpose="Uppslag via API")
@extend_schema(responses=PersonSerializer)
@api_view(["GET"])
def person_detail_api(request, person_id):
    return Response(PersonSerializer(request.person).data)
