"""Error pages: JSON for the API, a plain-language page for people."""

from django.http import JsonResponse
from django.shortcuts import render


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def permission_denied(request, exception=None):
    if _is_api(request):
        return JsonResponse(
            {"detail": "Åtkomst nekad.", "reason": str(exception or "")}, status=403
        )
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    if _is_api(request):
        return JsonResponse({"detail": "Hittades inte."}, status=404)
    return render(request, "404.html", status=404)
