"""Login, logout, the language switch and each role's home page."""

from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from kitt.access.decorators import public, staff_view

from . import home as home_pages
from .forms import LoginForm

login_view = public(
    auth_views.LoginView.as_view(
        template_name="accounts/login.html",
        authentication_form=LoginForm,
        redirect_authenticated_user=True,
    )
)
logout_view = public(require_POST(auth_views.LogoutView.as_view()))
set_language = public(require_POST(django_set_language))


@staff_view()
def home(request):
    """Each role lands on its own page."""
    page = home_pages.page_for(request.user)
    return render(request, page.template, page.context)
