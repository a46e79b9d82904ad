from django.urls import path

from . import views

app_name = "consent"

urlpatterns = [
    path("<int:person_id>/samtycken/", views.consent_list, name="list"),
    path("<int:person_id>/samtycken/nytt/", views.consent_register, name="register"),
    path("samtycken/<int:consent_id>/aterkalla/", views.consent_withdraw, name="withdraw"),
    path("samtycken/<int:consent_id>/kvitto.pdf", views.consent_receipt_pdf, name="receipt_pdf"),
    path("samtycken/<int:consent_id>/kvitto.json", views.consent_receipt_json, name="receipt_json"),
    path("samtycken/<int:consent_id>/blankett/", views.consent_document, name="document"),
]
