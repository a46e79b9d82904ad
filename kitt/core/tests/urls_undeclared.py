"""A tiny URLconf for test_access_declarations: one view of each kind, one without a declaration."""

from django.http import HttpResponse
from django.urls import path

from kitt.access.decorators import public, staff_view


def undeclared(request):
    return HttpResponse("should never be seen")


@public
def declared_public(request):
    return HttpResponse("public")


@staff_view()
def declared_staff(request):
    return HttpResponse("staff")


def wrongly_declared(request):
    return HttpResponse("should never be seen")


wrongly_declared.kitt_access = "everyone"  # not one of the known kinds

urlpatterns = [
    path("undeclared/", undeclared, name="undeclared"),
    path("public/", declared_public, name="public"),
    path("staff/", declared_staff, name="staff"),
    path("wrong/", wrongly_declared, name="wrong"),
]
