"""The JSON API (v1) for the agencies' own systems, described by OpenAPI at /api/schema/."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from kitt.access import permissions as perms
from kitt.access.decorators import staff_view
from kitt.people import api as people_api

app_name = "api"

urlpatterns = [
    path("v1/people/", people_api.person_register_api, name="person_register"),
    path("v1/people/<int:person_id>/", people_api.person_detail_api, name="person_detail"),
    path(
        "schema/",
        staff_view(perms.SEARCH_DIRECTORY)(SpectacularAPIView.as_view()),
        name="schema",
    ),
]
