"""The web app driven in Debian's Chromium (Playwright), as a person uses it: sign in,
find a review by searching its report, accept a suggestion, two coders disagree and reach
consensus, and a viewer refused an edit.
Screenshots of the main pages go to CASEREVIEW_SCREENSHOTS (default: a temporary folder)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from casereview.app.users import create_user
from casereview.web.app import create_app
from casereview.web.config import WebSettings
from conftest import make_sqlite_store
from web_support import OWNER, PASSWORD, REVIEW, build_register

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = make_sqlite_store(Path(tmp_path_factory.mktemp("browser")))
    build_register(store)
    create_user(store, OWNER, "bea", "coder", PASSWORD)  # a second coder
    port = _free_port()
    config = uvicorn.Config(create_app(store, WebSettings()), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("CASEREVIEW_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/browser-packages.sh")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _sign_in(browser, base: str, name: str):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/cases")
    assert "/signin" in page.url  # not signed in: sent to sign in, then back
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/cases")
    return page


def test_a_coder_finds_a_review_by_search_and_accepts_a_suggestion(server, browser, shots) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/signin")
    page.screenshot(path=str(shots / "01-signin.png"))
    page.close()
    page = _sign_in(browser, server, "coder")
    page.screenshot(path=str(shots / "02-cases.png"))
    page.fill("#q", '"domestic abuse"')  # the list follows as you type
    # Locators, not wait_for_function: the page's CSP (rightly) forbids evaluating strings.
    playwright_api.expect(page.locator("table.cases tbody a.ref")).to_have_count(1)
    page.wait_for_url("**/cases?q=*")
    assert page.inner_text("table.cases tbody a.ref") == REVIEW
    assert "domestic abuse" in page.inner_text(".snippet mark").lower()
    page.screenshot(path=str(shots / "03-search.png"))
    page.click("table.cases tbody a.ref")
    page.wait_for_url(f"{server}/reviews/{REVIEW}")
    page.screenshot(path=str(shots / "04-review.png"), full_page=True)
    page.click(".notice a")
    page.wait_for_url(f"{server}/reviews/{REVIEW}/coding")
    page.screenshot(path=str(shots / "05-coding.png"))
    first = page.locator("ul.suggestions li.suggestion").first
    card_id = first.get_attribute("id")
    field = first.locator(".field").inner_text()
    field_id = first.get_attribute("data-field")
    first.locator("button.accept").click()
    # The coder's own code; the suggestion itself stays open to other coders.
    decided = page.locator(f"ul.decided li[data-field={field_id}] .status-final")
    decided.wait_for()
    assert "final by coder" in decided.inner_text()
    assert page.locator(f"ul.suggestions:not(.decided) #{card_id}").count() == 0
    page.screenshot(path=str(shots / "06-accepted.png"))
    page.goto(f"{server}/reviews/{REVIEW}")
    assert field in page.inner_text("table.codes")


def test_a_viewer_is_refused_an_edit(server, browser, shots) -> None:  # type: ignore[no-untyped-def]
    page = _sign_in(browser, server, "viewer")
    page.select_option("select[name=status]", "pending")  # the list follows the filter
    playwright_api.expect(page.locator("table.cases tbody a.ref")).to_have_count(1)
    assert page.inner_text("table.cases tbody a.ref") == REVIEW
    page.goto(f"{server}/reviews/{REVIEW}/coding")
    assert page.locator("form.decide").count() == 0
    assert "coder role" in page.inner_text(".notice")
    page.screenshot(path=str(shots / "07-viewer-coding.png"))
    # Even a hand-made request with the page's own session and token is refused.
    code_id = page.locator("ul.suggestions li.suggestion").first.get_attribute("id").removeprefix("code-")
    token = page.locator(".signout input[name=csrf_token]").get_attribute("value")
    r = page.request.post(
        f"{server}/api/reviews/{REVIEW}/codes/{code_id}/decision",
        data={"action": "accept", "version": 1}, headers={"X-CSRF-Token": token},
    )
    assert r.status == 403 and "coder role" in r.json()["message"]
    page.goto(f"{server}/admin/users")
    assert "Not allowed" in page.inner_text("h1")
    page.screenshot(path=str(shots / "08-viewer-admin.png"))


def test_an_admin_sees_users_and_the_audit_trail(server, browser, shots) -> None:  # type: ignore[no-untyped-def]
    page = _sign_in(browser, server, "admin")
    page.goto(f"{server}/admin/users")
    assert {"viewer", "coder", "admin"} <= set(page.locator("td.name").all_inner_texts())
    page.screenshot(path=str(shots / "09-users.png"))
    page.goto(f"{server}/admin/audit")
    page.screenshot(path=str(shots / "10-audit.png"))
    assert page.locator("table.audit tbody tr").count() >= 3  # three accounts created
    page.goto(f"{server}/dashboard")
    assert "whole register" in page.inner_text("table.dashboard")
    page.screenshot(path=str(shots / "11-dashboard.png"))
    page.goto(f"{server}/agreement")
    page.screenshot(path=str(shots / "12-agreement.png"))


def test_two_coders_disagree_and_reach_consensus(server, browser, shots) -> None:  # type: ignore[no-untyped-def]
    card = "ul.suggestions:not(.decided) li[data-field=fam_domestic_abuse]"
    coder = _sign_in(browser, server, "coder")
    coder.goto(f"{server}/reviews/{REVIEW}/coding")
    coder.locator(f"{card} button.accept").click()  # yes
    coder.locator("ul.decided li[data-field=fam_domestic_abuse]").wait_for()
    bea = _sign_in(browser, server, "bea")
    bea.goto(f"{server}/reviews/{REVIEW}/coding")
    # Blind: the suggestion is still open for bea, and the coder's decision is not shown.
    assert bea.locator("ul.decided").count() == 0
    bea.locator(f"{card} select[name=value]").select_option("no")
    bea.locator(f"{card} button[value=edit]").click()
    bea.locator("ul.decided li[data-field=fam_domestic_abuse]").wait_for()
    coder.goto(f"{server}/reviews/{REVIEW}")
    coder.click("a[href$='/compare']")
    coder.wait_for_url(f"{server}/reviews/{REVIEW}/compare")
    row = coder.locator("tr#f-fam_domestic_abuse")
    assert "disagree" in row.get_attribute("class").split()
    assert row.locator("td[data-coder=bea]").inner_text().strip() == "No"
    assert row.locator("td[data-coder=coder]").inner_text().strip() == "Yes"
    coder.screenshot(path=str(shots / "13-compare.png"), full_page=True)
    row.locator("select[name=value]").select_option("yes")
    assert row.locator("input[name=agreed_by]").input_value() == "bea"
    row.locator("form.consensus button").click()
    agreed = coder.locator("tr#f-fam_domestic_abuse .consensus .agreed")
    agreed.wait_for()
    assert agreed.inner_text() == "Yes"
    assert "agreed by bea, coder" in coder.inner_text("tr#f-fam_domestic_abuse .consensus")
    coder.screenshot(path=str(shots / "14-consensus.png"), full_page=True)
    bea.goto(f"{server}/reviews/{REVIEW}")
    assert "consensus" in bea.inner_text("table.codes")
