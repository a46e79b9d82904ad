from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.search, name="search"),
    path("tjanst/<int:service_id>/", views.service_detail, name="service"),
    path("organisation/<int:organisation_id>/", views.organisation_detail, name="organisation"),
]
