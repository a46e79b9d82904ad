"""The service directory (tjänstekatalog): search, one service, one organisation.

Open to every staff role; it holds no personal data.
"""

from django.http import Http404
from django.shortcuts import render

from kitt.access import permissions as perms
from kitt.access.decorators import staff_view

from . import selectors


@staff_view(perms.SEARCH_DIRECTORY)
def search(request):
    result = selectors.directory_search(
        query=request.GET.get("q", ""), need_code=request.GET.get("behov") or None
    )
    context = {"result": result, "needs": selectors.needs_with_counts()}
    if not result.searched:
        context["organisations"] = selectors.organisations_with_counts()
    return render(request, "directory/search.html", context)


@staff_view(perms.SEARCH_DIRECTORY)
def service_detail(request, service_id: int):
    service = selectors.service_get(service_id=service_id)
    if service is None:
        raise Http404
    return render(request, "directory/service.html", {"service": service})


@staff_view(perms.SEARCH_DIRECTORY)
def organisation_detail(request, organisation_id: int):
    organisation = selectors.organisation_get(organisation_id=organisation_id)
    if organisation is None:
        raise Http404
    return render(request, "directory/organisation.html", {"organisation": organisation})
