"""Helpers for end-to-end browser tests: headless Chromium through Playwright's sync API.

Fixtures (root ``conftest.py``):

- ``browser``: one Chromium per run (Debian's /usr/bin/chromium, or $KITT_CHROMIUM). Missing:
  the test is skipped, or fails when KITT_REQUIRE_BROWSER=1 (CI).
- ``page``: a fresh context per test (sv-SE, Europe/Stockholm, 1280x900) on pytest-django's
  ``live_server`` (transactional database, emptied after the test; what the migrations wrote is
  put back first). Make your data with the factories. ``page.goto("/katalog/")`` works too.
- ``demo_live_server`` / ``demo_page`` / ``demo_db``: the same on the demo data (``manage.py
  demo``, loaded ONCE per run and shared, never rolled back): read-only tests, or tests that make
  their own uniquely named data. Do not combine with ``db``/``live_server``/``django_db``.
- A failing test that used ``page``/``demo_page`` leaves test-artifacts/screenshots/failures/.

A browser test::

    import pytest
    from kitt.core.testing.browser import check_axe, live_url, login, screenshot

    pytestmark = pytest.mark.browser

    def test_something(page, live_server, make_staff):
        user = make_staff(...)                                  # password "kitt-test-pass"
        login(page, live_server, user.username, "kitt-test-pass")
        page.goto(live_url(live_server, "directory:search", query="q=svenska"))
        check_axe(page, "directory search")
        screenshot(page, "directory/search")                   # test-artifacts/screenshots/

    def test_on_demo_data(demo_page, demo_live_server):
        login(demo_page, demo_live_server, DEMO_USERS["coordinator"])   # password kitt-demo-2026
"""

from __future__ import annotations

import json
import os
import re
import shutil
import weakref
from pathlib import Path

import pytest
from django.urls import reverse

# Playwright's sync API keeps an asyncio event loop in the main thread, so Django would believe
# every ORM call from a test (or a fixture) comes from async code and refuse it. Tests only.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

REPO_ROOT = Path(__file__).resolve().parents[3]
CHROMIUM_PATH = os.environ.get("KITT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_PATH = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS_DIR = REPO_ROOT / "test-artifacts"
SCREENSHOT_DIR = ARTIFACTS_DIR / "screenshots"
FAILURE_SCREENSHOT_DIR = SCREENSHOT_DIR / "failures"

#: The axe-core tags we hold every page to: WCAG 2.0 and 2.1, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

#: How the ``page`` fixture's browser contexts are created.
CONTEXT_OPTIONS = {
    "locale": "sv-SE",
    "timezone_id": "Europe/Stockholm",
    "viewport": {"width": 1280, "height": 900},
}
#: Playwright's default of 30 s only makes failures slow; a local live server answers in ms.
DEFAULT_TIMEOUT_MS = 10_000

DEMO_PASSWORD = "kitt-demo-2026"
#: The demo's login for each role (``manage.py demo``).
DEMO_USERS = {
    "coordinator": "coach",
    "caseworker": "handlaggare",
    "leader": "ledare",
    "administrator": "admin",
}
DEMO_USERNAMES = tuple(DEMO_USERS.values())


# --- Database state for browser tests ------------------------------------------------------------


_migrated_state: dict[str, str] = {}


def snapshot_migrated_state() -> None:
    """Remember what the migrations wrote (life areas, agenda templates, ...), once per run.

    Django keeps it on the connection for ``serialized_rollback``; pytest-django only makes it
    when a collected test asks for serialized rollback, so make sure it exists. Call right after
    the test database is set up, before any transactional test has emptied it.
    """
    from django.db import connection

    if getattr(connection, "_test_serialized_contents", None) is None:
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    _migrated_state["default"] = connection._test_serialized_contents


def restore_migrated_state() -> None:
    """Empty the test database and put back what the migrations wrote (see above)."""
    from django.core.management import call_command
    from django.db import connection

    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(_migrated_state["default"])


def load_demo() -> None:
    """``manage.py demo`` into the (test) database, with its output swallowed."""
    import io

    from django.core.management import call_command

    call_command("demo", stdout=io.StringIO(), stderr=io.StringIO())


def demo_is_loaded() -> bool:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username__in=DEMO_USERNAMES).count() == len(
        DEMO_USERNAMES
    )


def start_live_server():
    """A live server of our own (pytest-django's ``live_server`` forces a flush per test)."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost:0")
    return server


def browser_required() -> bool:
    """True when a missing browser (or axe-core) must fail the run instead of skipping (CI)."""
    return os.environ.get("KITT_REQUIRE_BROWSER", "") == "1"


def skip_or_fail(reason: str) -> None:
    """Skip the test locally; fail it when KITT_REQUIRE_BROWSER=1 (CI must not skip silently)."""
    if browser_required():
        pytest.fail(f"{reason} (KITT_REQUIRE_BROWSER=1, so this is an error)", pytrace=False)
    pytest.skip(reason)


def chromium_path() -> str | None:
    """The Chromium executable to use, or None if it is not installed."""
    path = Path(CHROMIUM_PATH)
    if path.is_file() and os.access(path, os.X_OK):
        return str(path)
    return shutil.which(CHROMIUM_PATH)


def start_playwright():
    """Start Playwright's sync API without changing Django's database connections.

    Playwright marks its asyncio loop as running in this thread between calls. Django keeps its
    connections per thread, but per async context while a loop runs, so from then on test code
    would get fresh connection objects: outside the test's transaction (``db``), without the
    serialized-rollback data, and (SQLite) not holding the in-memory test database. Put the
    connections this thread already had back in place.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    before = {alias: connections[alias] for alias in connections}
    playwright = sync_playwright().start()
    for alias, connection in before.items():
        connections[alias] = connection
    return playwright


def launch_browser(playwright):
    """Launch Debian's Chromium headless (Playwright's own browser download is not used)."""
    executable = chromium_path()
    if executable is None:
        skip_or_fail(
            f"Chromium not found at {CHROMIUM_PATH}: install it (apt-get install -y chromium) "
            "or point KITT_CHROMIUM at it"
        )
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


# Console errors and uncaught exceptions per page, collected by ``watch_console``.
_console_errors: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def watch_console(page) -> None:
    """Record console errors (CSP violations, failed loads) and uncaught page errors."""
    errors: list[str] = []
    _console_errors[page] = errors

    def on_console(msg) -> None:
        if msg.type == "error":
            url = (msg.location or {}).get("url", "")
            errors.append(f"{msg.text} [{url}]" if url else msg.text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))


def console_errors(page) -> list[str]:
    """The console errors seen on ``page`` so far (the ``page`` fixture watches them)."""
    return list(_console_errors.get(page, []))


#: Console errors nobody needs to fix: the browser asks for /favicon.ico on its own.
IGNORED_CONSOLE_ERRORS = (re.compile(r"favicon\.ico"),)


def assert_no_console_errors(page, ignore=IGNORED_CONSOLE_ERRORS) -> None:
    """Fail if the page logged errors, e.g. a script or style blocked by the CSP, or a 404.

    ``ignore`` is a sequence of regular expressions (strings or compiled) for errors to accept.
    """
    patterns = [re.compile(p) if isinstance(p, str) else p for p in ignore]
    errors = [e for e in console_errors(page) if not any(p.search(e) for p in patterns)]
    if errors:
        pytest.fail(
            f"console errors on {page.url}:\n" + "\n".join(f"  - {e}" for e in errors),
            pytrace=False,
        )


def new_context(browser, base_url: str | None = None, **overrides):
    """A browser context with Kitt's defaults (``CONTEXT_OPTIONS``); keyword args override."""
    options = {**CONTEXT_OPTIONS, **overrides}
    if base_url:
        options.setdefault("base_url", base_url)
    context = browser.new_context(**options)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    return context


def new_page(browser, base_url: str | None = None, **overrides):
    """A page in a fresh context (see ``new_context``), with its console watched.

    Close it with ``page.context.close()``. Use this for a second user in the same test, or for
    another viewport::

        narrow = new_page(browser, live_server.url, viewport={"width": 320, "height": 640})
    """
    page = new_context(browser, base_url, **overrides).new_page()
    watch_console(page)
    return page


def live_url(live_server, name_or_path: str, *args, query: str = "", **kwargs) -> str:
    """The absolute live-server URL of a URL name (``"accounts:home"``) or a path (``"/x/"``)."""
    if name_or_path.startswith("/"):
        path = name_or_path
    else:
        path = reverse(name_or_path, args=args or None, kwargs=kwargs or None)
    url = live_server.url + path
    if query:
        url += ("&" if "?" in url else "?") + query.lstrip("?")
    return url


def page_language(page) -> str:
    """The ``lang`` of the page's ``<html>`` element (``"sv"``, ``"en"``)."""
    return page.locator("html").get_attribute("lang") or "sv"


def ui_text(msgid: str, language: str, **params) -> str:
    """What the interface shows for the Swedish source string ``msgid`` in ``language``."""
    from django.utils import translation

    with translation.override(language):
        text = translation.gettext(msgid)
    return text % params if params else text


def login(page, live_server, username: str, password: str = DEMO_PASSWORD, *, next_url=""):
    """Log in through the real login form and wait until the browser has left the login page.

    The fields are found by their labels ("Användarnamn", "Lösenord"; in English once the user
    has switched language), so the test also checks that the labels belong to the fields. Fails
    with the form's error message if the login is refused.
    """
    url = live_url(live_server, "accounts:login")
    if next_url:
        url += "?next=" + next_url
    page.goto(url)
    language = page_language(page)
    page.get_by_label(ui_text("Användarnamn", language), exact=True).fill(username)
    page.get_by_label(ui_text("Lösenord", language), exact=True).fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name=ui_text("Logga in", language), exact=True).click()
    login_path = reverse("accounts:login")
    if page.url.split("?")[0].endswith(login_path):
        alert = page.locator("[role=alert]")
        message = alert.first.inner_text() if alert.count() else page.locator("main").inner_text()
        pytest.fail(f"login as {username!r} failed: {message.strip()}", pytrace=False)
    return page


def logout(page) -> None:
    """Log out with the header's "Logga ut" button."""
    with page.expect_navigation():
        page.get_by_role("button", name=ui_text("Logga ut", page_language(page))).click()


def switch_language(page, code: str) -> None:
    """Press the header's language switch for ``code`` ("en", "sv") and wait for the reload."""
    with page.expect_navigation():
        page.locator(f".language-switch button[name=language][value={code}]").click()


def load_axe(page) -> None:
    """Put axe-core into the page (once per document).

    The site's CSP (``script-src 'self'``) blocks an inline ``<script>``; ``page.evaluate`` runs
    through the DevTools protocol and is not subject to it, so the CSP stays on during tests.
    """
    if page.evaluate("typeof window.axe !== 'undefined'"):
        return
    if not AXE_PATH.is_file():
        skip_or_fail(f"axe-core is not installed at {AXE_PATH}: run `npm install`")
    page.evaluate(AXE_PATH.read_text(encoding="utf-8") + "\n;void 0")


def run_axe(page, *, tags=WCAG_TAGS, disable_rules=(), include=None, exclude=None) -> dict:
    """Run axe-core on the current page and return its (trimmed) results as a dict."""
    load_axe(page)
    options = {
        "runOnly": {"type": "tag", "values": list(tags)},
        "resultTypes": ["violations"],
        "rules": {rule: {"enabled": False} for rule in disable_rules},
    }
    context = {}
    if include:
        context["include"] = [include] if isinstance(include, str) else list(include)
    if exclude:
        context["exclude"] = [exclude] if isinstance(exclude, str) else list(exclude)
    return page.evaluate(
        """async ([context, options]) => {
            const ctx = Object.keys(context).length ? context : document;
            const result = await axe.run(ctx, options);
            return {
                url: result.url,
                violations: result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
                    nodes: v.nodes.map(n => ({
                        target: n.target, html: n.html, summary: n.failureSummary,
                    })),
                })),
            };
        }""",
        [context, options],
    )


def format_violations(violations: list[dict], context_label: str) -> str:
    """A readable report: one block per rule, each failing node with its selector and summary."""
    lines = [f"{len(violations)} accessibility violation(s) on {context_label}:"]
    for v in violations:
        lines.append(f"- {v['id']} [{v['impact']}]: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:10]:
            target = " ".join(t if isinstance(t, str) else json.dumps(t) for t in node["target"])
            lines.append(f"    at {target}")
            lines.append(f"       {node['html'][:200]}")
            summary = (node.get("summary") or "").replace("\n", "\n         ")
            if summary:
                lines.append(f"       {summary}")
        if len(v["nodes"]) > 10:
            lines.append(f"    … and {len(v['nodes']) - 10} more node(s)")
    return "\n".join(lines)


def check_axe(page, context_label: str, **options) -> None:
    """Fail unless axe-core finds no WCAG 2.0/2.1 A or AA violation on the current page.

    ``context_label`` names the page in the failure message. Keyword options go to ``run_axe``
    (``disable_rules=("rule-id",)``, ``include="main"``, ``exclude=...``, ``tags=...``); disabling
    a rule needs a comment saying why.
    """
    result = run_axe(page, **options)
    if result["violations"]:
        pytest.fail(
            format_violations(result["violations"], f"{context_label} ({page.url})"),
            pytrace=False,
        )


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "screenshot"


def screenshot(page, name: str, *, full_page: bool = True, directory: Path | None = None) -> Path:
    """Save a PNG of the page to test-artifacts/screenshots/<name>.png and return its path."""
    directory = directory or SCREENSHOT_DIR
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{_safe_name(name)}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def horizontal_overflow(page) -> dict:
    """The document's scroll width against the viewport's, and the elements that stick out.

    ``offenders`` lists the innermost elements reaching past the right edge (their children do
    not), with their right edge and the start of their text, which usually names the culprit.
    """
    return page.evaluate(
        """() => {
            const root = document.documentElement;
            const width = root.clientWidth;
            const sticksOut = el => el.getBoundingClientRect().right > width + 0.5;
            const describe = el => {
                const cls = typeof el.className === 'string' && el.className.trim()
                    ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
                const text = (el.innerText || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
                return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls}` +
                       ` right=${Math.round(el.getBoundingClientRect().right)} "${text}"`;
            };
            const innermost = [...document.body.querySelectorAll('*')]
                .filter(el => sticksOut(el) && ![...el.children].some(sticksOut));
            return {scrollWidth: root.scrollWidth, clientWidth: width,
                    offenders: innermost.slice(0, 8).map(describe)};
        }"""
    )


def assert_no_horizontal_scroll(page, width: int) -> None:
    """Fail if the page scrolls sideways at ``width`` CSS pixels (WCAG 1.4.10 Reflow)."""
    info = horizontal_overflow(page)
    if info["scrollWidth"] > width:
        offenders = "\n".join(f"  - {o}" for o in info["offenders"])
        pytest.fail(
            f"{page.url} scrolls horizontally at {width}px (scrollWidth={info['scrollWidth']}); "
            f"innermost elements sticking out:\n{offenders}",
            pytrace=False,
        )


def focusable_elements(page) -> list[dict]:
    """The page's elements in sequential focus order (tabindex >= 0, visible or focusable)."""
    return page.evaluate(
        """() => {
            const sel = 'a[href], area[href], button, input:not([type=hidden]), select, ' +
                        'textarea, iframe, summary, [tabindex], [contenteditable=true]';
            const els = [...document.querySelectorAll(sel)].filter(el =>
                !el.disabled && el.tabIndex >= 0 && !el.closest('[inert]'));
            const positive = els.filter(el => el.tabIndex > 0)
                .sort((a, b) => a.tabIndex - b.tabIndex);
            const natural = els.filter(el => el.tabIndex === 0);
            return [...positive, ...natural].map(el => ({
                tag: el.tagName.toLowerCase(), id: el.id, className: String(el.className || ''),
                text: (el.innerText || el.value || '').trim().slice(0, 60),
                href: el.getAttribute('href'),
            }));
        }"""
    )


def active_element(page) -> dict:
    """What has the keyboard focus: tag, id, classes and text."""
    return page.evaluate(
        """() => { const el = document.activeElement;
                   return {tag: el.tagName.toLowerCase(), id: el.id,
                           className: String(el.className || ''),
                           text: (el.innerText || '').trim().slice(0, 60)}; }"""
    )
