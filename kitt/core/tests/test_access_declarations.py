"""Deny by default: every view declares how it is protected, and undeclared views are refused.

A new view without ``@public``, ``@staff_view(...)`` or ``@person_view(...)`` (see
``kitt/access/decorators.py``) fails ``test_every_view_declares_its_access`` below, and would be
refused with 403 at run time by ``kitt.core.middleware.AccessDeclarationMiddleware``.
"""

from dataclasses import dataclass

import pytest
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from kitt.accounts.models import Role
from kitt.core.middleware import ACCESS_KINDS

EXPECTED_KINDS = {"public", "staff", "person"}
SKIPPED_NAMESPACES = {"admin"}  # Django's admin checks is_staff itself


@dataclass(frozen=True)
class Route:
    route: str
    name: str
    view: object

    @property
    def label(self) -> str:
        view = getattr(self.view, "__wrapped__", self.view)
        module = getattr(view, "__module__", "?")
        qualname = getattr(view, "__qualname__", repr(view))
        return f"/{self.route} (name={self.name or '-'}, view={module}.{qualname})"


def walk(patterns, prefix: str = "", namespace: str = ""):
    """Every URL pattern below ``patterns``, with its full route and namespaced name."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            ns = ":".join(filter(None, [namespace, entry.namespace]))
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = ":".join(filter(None, [namespace, entry.name])) if entry.name else ""
            yield Route(prefix + str(entry.pattern), name, entry.callback)
        else:  # pragma: no cover - Django only has these two
            raise TypeError(f"unexpected URL entry {entry!r}")


def project_routes() -> list[Route]:
    return list(walk(get_resolver().url_patterns))


def test_the_middleware_and_this_test_agree_on_the_kinds():
    assert ACCESS_KINDS == EXPECTED_KINDS


def test_the_walk_finds_the_projects_views():
    """Guard against a walk that silently finds nothing (and so checks nothing)."""
    names = {route.name for route in project_routes()}
    assert {"accounts:login", "accounts:home", "accounts:set_language"} <= names
    assert not any(name.startswith("admin:") for name in names)


def undeclared_routes(routes) -> list[str]:
    return [
        f"{route.label}: kitt_access={getattr(route.view, 'kitt_access', None)!r}"
        for route in routes
        if getattr(route.view, "kitt_access", None) not in EXPECTED_KINDS
    ]


def test_the_check_catches_undeclared_views():
    routes = walk(get_resolver("kitt.core.tests.urls_undeclared").url_patterns)
    found = undeclared_routes(routes)
    assert len(found) == 2
    assert "/undeclared/ (name=undeclared" in found[0]
    assert "kitt_access='everyone'" in found[1]


def test_every_view_declares_its_access():
    undeclared = undeclared_routes(project_routes())
    assert not undeclared, (
        "views without an access declaration (decorate them with @public, @staff_view(...) or "
        "@person_view(...) from kitt.access.decorators):\n  " + "\n  ".join(undeclared)
    )


@pytest.mark.django_db
class TestMiddlewareRefusesUndeclaredViews:
    @pytest.fixture(autouse=True)
    def tiny_urlconf(self):
        with override_settings(ROOT_URLCONF="kitt.core.tests.urls_undeclared"):
            yield

    def test_undeclared_view_is_refused_to_anonymous_users(self, client):
        response = client.get("/undeclared/")
        assert response.status_code == 403
        assert b"should never be seen" not in response.content

    def test_undeclared_view_is_refused_even_to_a_superuser(self, client, make_staff):
        user = make_staff(Role.ADMINISTRATOR, is_superuser=True, is_staff=True)
        client.force_login(user)
        response = client.get("/undeclared/")
        assert response.status_code == 403
        assert b"should never be seen" not in response.content

    def test_unknown_access_kind_is_refused(self, client, make_staff):
        client.force_login(make_staff(Role.ADMINISTRATOR, is_superuser=True))
        response = client.get("/wrong/")
        assert response.status_code == 403

    def test_declared_views_are_served(self, client, make_staff):
        assert client.get("/public/").content == b"public"
        client.force_login(make_staff(Role.CASEWORKER))
        response = client.get("/staff/")
        assert response.status_code == 200
        assert response.content == b"staff"
