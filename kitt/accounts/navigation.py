"""The navigation each role sees: only what the role may do."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from kitt.access import permissions as perms


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str | None  # None: every staff member


NAV_ITEMS: list[NavItem] = [
    NavItem(_("Start"), "accounts:home", None),
    NavItem(_("Deltagare"), "people:list", perms.VIEW_PERSONAL_DATA),
    NavItem(_("Mina uppgifter"), "meetings:my_tasks", perms.VIEW_PERSONAL_DATA),
    NavItem(_("Registrera person"), "people:register", perms.REGISTER_PERSON),
    NavItem(_("Tjänstekatalog"), "directory:search", perms.SEARCH_DIRECTORY),
    NavItem(_("Översikt"), "accounts:home", perms.VIEW_AGGREGATES),
    NavItem(_("Administration"), "admin:index", perms.ADMINISTER),
]


def navigation_for(user) -> list[dict]:
    """The navigation entries for ``user``, resolved to URLs; none for anonymous users."""
    if not getattr(user, "is_authenticated", False) or not user.is_staff_member:
        return []
    items, seen = [], set()
    for item in NAV_ITEMS:
        if item.permission and not perms.has_permission(user, item.permission):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        if url in seen:
            continue
        seen.add(url)
        items.append({"label": item.label, "url": url, "url_name": item.url_name})
    return items
