from .navigation import navigation_for


def navigation(request) -> dict:
    """The role's menu, with the one entry that best matches the current page marked current."""
    user = getattr(request, "user", None)
    items = navigation_for(user) if user is not None else []
    path = request.path
    matches = [
        item
        for item in items
        if path == item["url"] or (item["url"] != "/" and path.startswith(item["url"]))
    ]
    best = max(matches, key=lambda item: len(item["url"]), default=None)
    for item in items:
        item["current"] = item is best
    return {"nav_items": items}
