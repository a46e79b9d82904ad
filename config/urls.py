from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Kitt – administration"
admin.site.site_title = "Kitt"

urlpatterns = [
    path("", include("kitt.accounts.urls")),
    path("katalog/", include("kitt.directory.urls")),
    path("personer/", include("kitt.people.urls")),
    path("personer/", include("kitt.consent.urls")),
    path("personer/", include("kitt.audit.urls")),
    path("arenden/", include("kitt.cases.urls")),
    path("planer/", include("kitt.plans.urls")),
    path("moten/", include("kitt.meetings.urls")),
    path("api/", include("kitt.api.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "kitt.core.views.permission_denied"
handler404 = "kitt.core.views.page_not_found"
