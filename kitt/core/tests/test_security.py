"""Security headers, the production deployment check and the login throttle (django-axes)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from kitt.accounts.models import Role

REPO_ROOT = Path(__file__).resolve().parents[3]
TEST_PASSWORD = "kitt-test-pass"  # UserFactory's password


def assert_security_headers(response):
    headers = response.headers
    csp = headers.get("Content-Security-Policy", "")
    assert csp == settings.CONTENT_SECURITY_POLICY
    for directive in ("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"):
        assert directive in csp
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert headers.get("X-Frame-Options") == "DENY"
    assert headers.get("X-Content-Type-Options") == "nosniff"
    assert headers.get("Referrer-Policy") == "same-origin"
    assert headers.get("Cross-Origin-Opener-Policy") == "same-origin"
    assert headers.get("X-Request-ID")


@pytest.mark.django_db
def test_public_page_carries_the_security_headers(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert_security_headers(response)


@pytest.mark.django_db
def test_staff_page_carries_the_security_headers_and_is_not_cached(client, make_staff):
    client.force_login(make_staff(Role.LEADER))
    response = client.get(reverse("accounts:home"))
    assert response.status_code == 200
    assert_security_headers(response)
    assert "no-store" in response.headers.get("Cache-Control", "")


@pytest.mark.django_db
def test_error_pages_carry_the_security_headers(client):
    response = client.get("/no-such-page-anywhere/")
    assert response.status_code == 404
    assert_security_headers(response)


def test_production_settings_pass_check_deploy():
    """`manage.py check --deploy` with production settings reports nothing, not even warnings."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "kitt.example.se",
    }
    env.pop("DEBUG", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output


class TestLoginThrottle:
    """django-axes locks a user name + address out after AXES_FAILURE_LIMIT failed logins."""

    @pytest.fixture
    def user(self, make_staff):
        return make_staff(Role.CASEWORKER)

    def post_login(self, client, username, password):
        return client.post(reverse("accounts:login"), {"username": username, "password": password})

    def fail(self, client, username, times):
        for _ in range(times):
            response = self.post_login(client, username, "not-the-password")
            if response.status_code != 200:
                return response
            assert "_auth_user_id" not in client.session
        return response

    def test_the_limit_is_configured(self):
        assert settings.AXES_ENABLED
        assert settings.AXES_FAILURE_LIMIT >= 3

    def test_fewer_failures_than_the_limit_do_not_lock_out(self, client, user):
        response = self.fail(client, user.username, settings.AXES_FAILURE_LIMIT - 1)
        assert response.status_code == 200
        response = self.post_login(client, user.username, TEST_PASSWORD)
        assert response.status_code == 302
        assert response.url == reverse("accounts:home")
        assert client.session["_auth_user_id"] == str(user.pk)

    def test_reaching_the_limit_locks_out_even_the_right_password(self, client, user):
        response = self.fail(client, user.username, settings.AXES_FAILURE_LIMIT)
        assert response.status_code in (403, 429)
        response = self.post_login(client, user.username, TEST_PASSWORD)
        assert response.status_code in (403, 429)
        assert "_auth_user_id" not in client.session
        assert "För många misslyckade inloggningar" in response.content.decode()
        assert_security_headers(response)

    def test_the_lockout_is_per_user_name(self, client, user, make_staff):
        self.fail(client, user.username, settings.AXES_FAILURE_LIMIT)
        other = make_staff(Role.CASEWORKER)
        response = self.post_login(client, other.username, TEST_PASSWORD)
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(other.pk)


@pytest.mark.django_db
def test_swedish_is_the_default_whatever_the_browser_asks(client):
    from django.urls import reverse

    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert 'lang="sv"' in response.content.decode()
    client.post(reverse("accounts:set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("accounts:login"))
    assert 'lang="en"' in response.content.decode()
    assert "Log in" in response.content.decode()
