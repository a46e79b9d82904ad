"""Request-wide middleware: request id, security headers and deny-by-default access declarations."""

import uuid

from django.conf import settings
from django.http import HttpResponseForbidden

from kitt.audit.context import set_request_id

ACCESS_KINDS = {"public", "staff", "person"}


class RequestIdMiddleware:
    """Give every request an id, carried into the audit log and the response headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.request_id = incoming[:64] if incoming.isprintable() and incoming else ""
        request.request_id = request.request_id or uuid.uuid4().hex
        token = set_request_id(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            token.var.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


class SecurityHeadersMiddleware:
    """Content-Security-Policy and friends that Django does not set by itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            # Pages with personal data must not linger in shared caches or the back button.
            response.setdefault("Cache-Control", "no-store")
        return response


class AccessDeclarationMiddleware:
    """Refuse any view that has not declared how it is protected (deny by default).

    Views declare themselves with the decorators in ``kitt.access.decorators``: ``public``,
    ``staff_view`` or ``person_view``. Django's admin checks staff status itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None and match.namespaces[:1] == ["admin"]:
            return None
        if getattr(view_func, "kitt_access", None) in ACCESS_KINDS:
            return None
        return HttpResponseForbidden("This view has not declared its access rule.")


class ChosenLanguageMiddleware:
    """Swedish unless the user has chosen another language with the switch (kept in a cookie).

    Replaces Django's LocaleMiddleware on purpose: the browser's Accept-Language is not asked,
    since staff share machines and the interface is Swedish first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        available = {code for code, _ in settings.LANGUAGES}
        language = chosen if chosen in available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response
