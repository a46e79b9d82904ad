from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("", views.person_list, name="list"),
    path("ny/", views.person_register, name="register"),
    path("<int:person_id>/", views.person_detail, name="detail"),
    path("<int:person_id>/andra/", views.person_edit, name="edit"),
    path("<int:person_id>/team/", views.person_team, name="team"),
    path("team/<int:membership_id>/avsluta/", views.team_membership_end, name="team_end"),
]
