"""Staff pages about one person: register, see, edit, manage the team."""

from django.shortcuts import render

from kitt.access import permissions as perms
from kitt.access.categories import Category
from kitt.access.decorators import person_view, staff_view

from . import selectors


@staff_view(perms.VIEW_PERSONAL_DATA)
def person_list(request):
    return render(request, "people/list.html", {"people": selectors.people_for_staff(request.user)})


@staff_view(perms.REGISTER_PERSON)
def person_register(request):
    return render(request, "people/register.html", {})


@person_view(Category.IDENTITY)
def person_detail(request, person_id):
    return render(request, "people/detail.html", {"person": request.person})


@person_view(Category.IDENTITY)
def person_edit(request, person_id):
    return render(request, "people/detail.html", {"person": request.person})


@person_view(Category.TEAM)
def person_team(request, person_id):
    return render(request, "people/detail.html", {"person": request.person})
