from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("uppgifter/", views.my_tasks, name="my_tasks"),
    path("dagordning/", views.agenda_template, name="agenda_template"),
    path("fall/<int:case_id>/", views.meeting_list, name="for_case"),
    path("fall/<int:case_id>/nytt/", views.meeting_create, name="create"),
    path("<int:meeting_id>/", views.meeting_detail, name="detail"),
    path("<int:meeting_id>/andra/", views.meeting_edit, name="edit"),
    path("<int:meeting_id>/protokoll/", views.meeting_minutes, name="minutes"),
    path("<int:meeting_id>/kalender.ics", views.meeting_ics, name="ics"),
    path("<int:meeting_id>/uppgifter/ny/", views.action_item_create, name="action_item_create"),
    path(
        "uppgifter/<int:action_item_id>/klar/",
        views.action_item_complete,
        name="action_item_complete",
    ),
    path(
        "uppgifter/<int:action_item_id>/oppna/",
        views.action_item_reopen,
        name="action_item_reopen",
    ),
]
