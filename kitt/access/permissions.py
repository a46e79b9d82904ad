"""What a role may *do* (behörighet). Which records a user may *see* is decided in policy.py."""

from kitt.accounts.models import Role

from .categories import Action

VIEW_PERSONAL_DATA = "personal_data.view"
EDIT_PERSONAL_DATA = "personal_data.edit"
EXPORT_PERSONAL_DATA = "personal_data.export"
REGISTER_PERSON = "person.register"
SEARCH_DIRECTORY = "directory.search"
VIEW_AGGREGATES = "insights.view"
ADMINISTER = "admin.manage"

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.COORDINATOR: frozenset(
        {
            VIEW_PERSONAL_DATA,
            EDIT_PERSONAL_DATA,
            EXPORT_PERSONAL_DATA,
            REGISTER_PERSON,
            SEARCH_DIRECTORY,
        }
    ),
    Role.CASEWORKER: frozenset({VIEW_PERSONAL_DATA, EDIT_PERSONAL_DATA, SEARCH_DIRECTORY}),
    Role.LEADER: frozenset({VIEW_AGGREGATES, SEARCH_DIRECTORY}),
    Role.ADMINISTRATOR: frozenset({ADMINISTER, SEARCH_DIRECTORY}),
}

ACTION_PERMISSION = {
    Action.VIEW: VIEW_PERSONAL_DATA,
    Action.CREATE: EDIT_PERSONAL_DATA,
    Action.EDIT: EDIT_PERSONAL_DATA,
    Action.EXPORT: EXPORT_PERSONAL_DATA,
    Action.CALENDAR: VIEW_PERSONAL_DATA,
}


def has_permission(user, permission: str) -> bool:
    """True if the user's role carries the permission."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "role", ""):
        return False
    return permission in ROLE_PERMISSIONS.get(user.role, frozenset())
