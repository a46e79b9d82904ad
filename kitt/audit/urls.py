from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("<int:person_id>/logg/", views.person_trail, name="person_trail"),
]
