from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("remisser/", views.referral_overview, name="overview"),
    path("fall/<int:case_id>/", views.plan_detail, name="plan"),
    path("fall/<int:case_id>/paborja/", views.plan_create, name="create"),
    path("fall/<int:case_id>/mal/", views.goals_edit, name="goals"),
    path("fall/<int:case_id>/insatser/ny/", views.intervention_add, name="intervention_add"),
    path("fall/<int:case_id>/versioner/", views.version_list, name="versions"),
    path("fall/<int:case_id>/jamfor/", views.version_compare, name="compare"),
    path("version/<int:version_id>/", views.version_detail, name="version"),
    path("version/<int:version_id>/underskrift/", views.version_sign, name="sign"),
    path("version/<int:version_id>/pdf/", views.version_pdf, name="pdf"),
    path("insats/<int:intervention_id>/andra/", views.intervention_edit, name="intervention_edit"),
    path(
        "insats/<int:intervention_id>/status/",
        views.intervention_status,
        name="intervention_status",
    ),
    path(
        "insats/<int:intervention_id>/ta-bort/",
        views.intervention_remove,
        name="intervention_remove",
    ),
    path("remiss/<int:referral_id>/", views.referral_detail, name="referral"),
]
