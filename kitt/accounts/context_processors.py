from .navigation import navigation_for


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    items = navigation_for(user) if user is not None else []
    path = request.path
    for item in items:
        item["current"] = path == item["url"] or (
            item["url"] != "/" and path.startswith(item["url"]) and item["url_name"] != "accounts:home"
        )
    return {"nav_items": items}
