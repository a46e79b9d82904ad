from django.urls import path

from . import views

app_name = "cases"

urlpatterns = [
    path("person/<int:person_id>/", views.case_list_for_person, name="for_person"),
    path("person/<int:person_id>/nytt/", views.case_open, name="open"),
    path("<int:case_id>/", views.case_detail, name="detail"),
    path("<int:case_id>/steg/", views.case_move, name="move"),
    path("<int:case_id>/avsluta/", views.case_close, name="close"),
    path("<int:case_id>/inskrivning/", views.intake, name="intake"),
    path("<int:case_id>/relation/", views.relational, name="relational"),
    path("<int:case_id>/kartlaggning/", views.mapping_list, name="mapping_list"),
    path("<int:case_id>/kartlaggning/ny/", views.mapping_create, name="mapping_create"),
    path("<int:case_id>/kartlaggning/jamfor/", views.mapping_compare, name="mapping_compare"),
    path("kartlaggning/<int:mapping_id>/", views.mapping_detail, name="mapping_detail"),
    path("kartlaggning/<int:mapping_id>/andra/", views.mapping_edit, name="mapping_edit"),
]
