"""Fixtures shared by the whole suite."""

import contextlib

import pytest
from django.conf import settings

from kitt.access.categories import CONSENTABLE
from kitt.accounts.models import Role


@pytest.fixture
def make_staff(db):
    """make_staff(role, organisation=None, **kw) -> a logged-in-able staff user."""
    from kitt.accounts.tests.factories import UserFactory

    def make(role: str = Role.CASEWORKER, organisation=None, **kwargs):
        if organisation is not None:
            kwargs["organisation"] = organisation
        return UserFactory(role=role, **kwargs)

    return make


@pytest.fixture
def person_with_team(db, make_staff):
    """A person, their coordinator (consent for every category) and a caseworker of another
    organisation on the team with consent for the plan only."""
    from kitt.consent.tests.factories import ConsentGrantFactory
    from kitt.people.models import TeamRole
    from kitt.people.tests.factories import PersonFactory, TeamMembershipFactory

    person = PersonFactory()
    coordinator = make_staff(Role.COORDINATOR)
    caseworker = make_staff(Role.CASEWORKER)
    TeamMembershipFactory(person=person, user=coordinator, role=TeamRole.COORDINATOR)
    TeamMembershipFactory(person=person, user=caseworker)
    for category in CONSENTABLE:
        ConsentGrantFactory(person=person, organisation=coordinator.organisation, category=category)
    ConsentGrantFactory(person=person, organisation=caseworker.organisation, category="plan")
    return {"person": person, "coordinator": coordinator, "caseworker": caseworker}


# --- Browser tests (Playwright's sync API on Debian's Chromium; see kitt/core/testing/browser.py).


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item, so the ``page`` fixture can tell if the test failed."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run. Skips (fails with KITT_REQUIRE_BROWSER=1) if
    Chromium is not installed."""
    from kitt.core.testing import browser as helpers

    # Failure screenshots are for this run only.
    if helpers.FAILURE_SCREENSHOT_DIR.is_dir():
        for old in helpers.FAILURE_SCREENSHOT_DIR.glob("*.png"):
            old.unlink(missing_ok=True)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:  # pragma: no cover - dev dependency missing
        helpers.skip_or_fail("Playwright is not installed: pip install -e '.[dev]'")
    playwright = helpers.start_playwright()
    try:
        chromium = helpers.launch_browser(playwright)
    except BaseException:
        playwright.stop()
        raise
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def page(request, browser, live_server, django_db_serialized_rollback):
    """A fresh browser context per test (sv-SE, Europe/Stockholm, 1280x900) on the live server:
    relative URLs in ``page.goto`` go to ``live_server.url``. If the test fails, a screenshot is
    saved in test-artifacts/screenshots/failures/.

    The live server needs a transactional database, which is emptied after each test; serialized
    rollback puts back what the migrations wrote (life areas, agenda templates, ...) first."""
    yield from _browser_page(request, browser, live_server)


def _browser_page(request, browser, server):
    from kitt.core.testing import browser as helpers

    page = helpers.new_page(browser, server.url)
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        # A failed screenshot must not hide the real failure.
        with contextlib.suppress(Exception):
            name = request.node.nodeid.replace("/", "-")
            helpers.screenshot(page, name, directory=helpers.FAILURE_SCREENSHOT_DIR)
    page.context.close()


def pytest_collection_modifyitems(items):
    """Give every transactional test (``live_server``, ``transactional_db``, ``django_db(
    transaction=True)``) serialized rollback.

    A transactional test empties the database afterwards, and with it what the migrations wrote
    (life areas, agenda templates, the audit chain head). Serialized rollback puts that back
    before each such test. It must be all of them or none: a plain flush re-creates the content
    types under new ids, and the next serialized restore then collides with them.
    """
    for item in items:
        names = getattr(item, "fixturenames", None)
        if names is None or "django_db_serialized_rollback" in names:
            continue
        marker = item.get_closest_marker("django_db")
        transactional = "live_server" in names or "transactional_db" in names
        if marker is not None:
            transactional = transactional or marker.kwargs.get("transaction", False)
            transactional = transactional or marker.kwargs.get("reset_sequences", False)
        if transactional:
            names.append("django_db_serialized_rollback")


# The real database's name, read before pytest-django points the connection at the test database.
_REAL_DATABASE_NAME = settings.DATABASES["default"]["NAME"]


def _require_test_database():
    from django.db import connection

    if connection.settings_dict["NAME"] == _REAL_DATABASE_NAME:
        raise RuntimeError(f"refusing to touch {_REAL_DATABASE_NAME!r}: not the test database")


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """pytest-django's test database, plus a snapshot of what the migrations wrote into it, so
    that ``page`` (serialized rollback) and ``demo_live_server`` can put it back after a flush.

    If only tests on the shared demo data were collected, pytest-django saw no database test and
    made no test database; then make it here."""
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    from kitt.core.testing.browser import snapshot_migrated_state

    own = None
    keepdb = bool(request.config.getvalue("reuse_db")) and not request.config.getvalue("create_db")
    with django_db_blocker.unblock():
        if connection.settings_dict["NAME"] == _REAL_DATABASE_NAME:
            own = setup_databases(
                verbosity=request.config.option.verbose,
                interactive=False,
                aliases={"default"},
                keepdb=keepdb,
            )
        _require_test_database()
        snapshot_migrated_state()
    yield django_db_setup
    if own is not None and not keepdb:
        with django_db_blocker.unblock():
            teardown_databases(own, verbosity=request.config.option.verbose)


@pytest.fixture(scope="session")
def demo_live_server(django_db_setup, django_db_blocker):
    """A live server on the demo data (``manage.py demo``, loaded once per run: it takes a minute).

    Shared by every test that uses it and never rolled back, so such tests must only read, or
    make their own uniquely named data. They must not use ``db``, ``transactional_db``,
    ``live_server`` or ``@pytest.mark.django_db`` (pytest-django runs tests without those last,
    after the transactional tests that empty the database). Use ``demo_page`` and ``demo_db``.
    """
    from kitt.core.testing.browser import load_demo, restore_migrated_state, start_live_server

    with django_db_blocker.unblock():
        _require_test_database()
        restore_migrated_state()
        load_demo()
        server = start_live_server()
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    with django_db_blocker.unblock():
        server.stop()
        _require_test_database()
        restore_migrated_state()  # leave the database as the migrations did (--reuse-db)


@pytest.fixture
def demo_db(request, demo_live_server, django_db_blocker):
    """Database access (no transaction, no rollback) for a test on the shared demo data."""
    from kitt.core.testing.browser import demo_is_loaded, load_demo, restore_migrated_state

    clashing = {"db", "transactional_db", "live_server", "django_db_serialized_rollback"}
    clashing &= set(request.fixturenames)
    if clashing or request.node.get_closest_marker("django_db"):
        pytest.fail(
            f"{request.node.nodeid}: the shared demo data cannot be combined with "
            f"{sorted(clashing) or '@pytest.mark.django_db'}; use page + factories instead",
            pytrace=False,
        )
    with django_db_blocker.unblock():
        _require_test_database()
        if not demo_is_loaded():  # a transactional test ran after all and emptied the database
            restore_migrated_state()
            load_demo()
        yield


@pytest.fixture
def demo_page(request, browser, demo_live_server, demo_db):
    """Like ``page``, but on ``demo_live_server`` (the shared demo data)."""
    yield from _browser_page(request, browser, demo_live_server)
