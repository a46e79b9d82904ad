"""Declaring how a view is protected. A view without one of these is refused by middleware."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from kitt.audit.context import tracking_logged_people
from kitt.people.models import Person

from . import policy
from .categories import Action
from .permissions import has_permission

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
DEFAULT_PURPOSE = "Arbete i personens samverkansärende"


def _not_logged_in(request):
    """The login page for people, a 401 for the API's clients."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Inloggning krävs."}, status=401)
    return redirect_to_login(request.get_full_path())


def public(view: Callable) -> Callable:
    """Open to anyone, logged in or not. Must show no personal data."""
    view.kitt_access = "public"
    return view


def staff_view(permission: str | None = None) -> Callable:
    """Logged-in staff (optionally with a role permission). Must show no individual's data."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return _not_logged_in(request)
            if not user.is_staff_member:
                raise PermissionDenied("not a staff member")
            if permission and not has_permission(user, permission):
                raise PermissionDenied(f"role may not {permission}")
            return view(request, *args, **kwargs)

        wrapped.kitt_access = "staff"
        wrapped.kitt_permission = permission
        return wrapped

    return decorator


def _person_from_kwargs(kwargs: dict) -> Person:
    return get_object_or_404(Person, pk=kwargs["person_id"])


def person_view(
    category: str,
    *,
    get_person: Callable[[dict], Person] = _person_from_kwargs,
    write_action: str = Action.EDIT,
    read_action: str = Action.VIEW,
    purpose: str = "",
) -> Callable:
    """A view of one person's data of ``category``, decided by the access policy and audited.

    Safe methods need ``read_action``, others ``write_action``. The person (found from the URL by
    ``get_person``) is put on ``request.person``. If the view itself wrote no audit entry about the
    person (a plain page view, or a form shown again with errors), one read entry is appended.
    """

    purpose = purpose or DEFAULT_PURPOSE

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return _not_logged_in(request)
            person = get_person(kwargs)
            action = read_action if request.method in SAFE_METHODS else write_action
            policy.require(request.user, action, person, category, purpose=purpose)
            request.person = person
            with tracking_logged_people() as logged:
                response = view(request, *args, **kwargs)
            if person.pk not in logged:
                shown = read_action if request.method in SAFE_METHODS else Action.VIEW
                policy.record_read(request.user, person, category, purpose=purpose, action=shown)
            return response

        wrapped.kitt_access = "person"
        wrapped.kitt_category = category
        wrapped.kitt_read_action = read_action
        wrapped.kitt_write_action = write_action
        return wrapped

    return decorator
