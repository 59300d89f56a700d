"""The pages as a person uses them, checked with CSS selectors; sign-in, cookies, session
rotation and throttling; the coding screen's decisions, validation and conflicts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from casereview.app.coding import coding_screen
from casereview.web.app import create_app
from casereview.web.config import WebSettings
from casereview.web.deps import SESSION_COOKIE
from conftest import make_sqlite_store
from web_client import As
from web_support import PASSWORD, REVIEW, build_register


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:  # type: ignore[type-arg]
    store = make_sqlite_store(Path(tmp_path_factory.mktemp("pages")))
    actors = build_register(store)
    app = create_app(store, WebSettings(sign_in_attempts=3))
    with TestClient(app) as client:
        yield {"store": store, "actors": actors, "client": client}
    store.close()


def who(site: dict, role: str) -> As:  # type: ignore[type-arg]
    return As(site["client"], site["store"], site["actors"][role])


def _sign_in(client: TestClient, name: str, password: str) -> tuple[int, str | None]:
    page = HTMLParser(client.get("/signin").text)
    token = page.css_first("input[name=csrf_token]").attributes["value"]
    r = client.post("/signin", data={"name": name, "password": password, "csrf_token": token,
                                     "next": "/cases"}, follow_redirects=False)
    return r.status_code, r.cookies.get(SESSION_COOKIE)


def test_sign_in_sets_a_fresh_httponly_samesite_session_and_ends_the_old_one(site) -> None:  # type: ignore[no-untyped-def]
    with TestClient(site["client"].app) as client:
        status, first = _sign_in(client, "coder", PASSWORD)
        assert status == 303 and first
        cookie = next(h for h in client.get("/signin").headers.get_list("set-cookie"))
        r = client.get("/cases", follow_redirects=False)
        assert r.status_code == 200
        status, second = _sign_in(client, "coder", PASSWORD)
        assert second and second != first  # a new session id at every sign-in
        client.cookies.set(SESSION_COOKIE, first)
        assert client.get("/cases", follow_redirects=False).status_code == 303  # old one is dead
    raw = site["client"].app  # the cookie flags, as the browser receives them
    with TestClient(raw) as client:
        token = HTMLParser(client.get("/signin").text).css_first("input[name=csrf_token]").attributes["value"]
        r = client.post("/signin", data={"name": "viewer", "password": PASSWORD, "csrf_token": token},
                        follow_redirects=False)
        set_cookie = next(h for h in r.headers.get_list("set-cookie") if h.startswith(SESSION_COOKIE))
        assert "HttpOnly" in set_cookie and "SameSite=lax" in set_cookie and "Secure" not in set_cookie
    assert "HttpOnly" in cookie


def test_cookies_are_secure_behind_https(site) -> None:  # type: ignore[no-untyped-def]
    app = create_app(site["store"], WebSettings(https=True))
    with TestClient(app, base_url="https://testserver") as client:
        token = HTMLParser(client.get("/signin").text).css_first("input[name=csrf_token]").attributes["value"]
        r = client.post("/signin", data={"name": "viewer", "password": PASSWORD, "csrf_token": token},
                        follow_redirects=False)
        set_cookie = next(h for h in r.headers.get_list("set-cookie") if h.startswith(SESSION_COOKIE))
        assert "Secure" in set_cookie
        assert r.headers["strict-transport-security"].startswith("max-age=")


def test_sign_in_is_throttled_after_repeated_failures(site) -> None:  # type: ignore[no-untyped-def]
    app = create_app(site["store"], WebSettings(sign_in_attempts=3))
    with TestClient(app) as client:
        for _ in range(3):
            assert _sign_in(client, "admin", "not the password")[0] == 401
        status, cookie = _sign_in(client, "admin", PASSWORD)  # even the right password now
        assert status == 429 and cookie is None
        page = HTMLParser(client.get("/signin").text)
        assert page.css_first("form input[name=name]") is not None


def test_case_list_filters_search_and_pages(site) -> None:  # type: ignore[no-untyped-def]
    viewer = who(site, "viewer")
    page = viewer.html("/cases?fatal=yes&study=triennial-2014-15")
    refs = [a.text() for a in page.css("table.cases tbody a.ref")]
    assert refs and all(r.startswith("TR-14-") for r in refs)
    assert page.css_first("select[name=fatal] option[selected]").attributes["value"] == "yes"
    found = viewer.html('/cases?q="domestic+abuse"')
    assert [a.text() for a in found.css("table.cases tbody a.ref")] == [REVIEW]
    assert "domestic abuse" in {m.text().lower() for m in found.css(".snippet mark")}
    first = viewer.html("/cases?per_page=50")
    nxt = first.css_first(".pager a[rel=next]").attributes["href"]
    second = viewer.html(nxt)
    assert {a.text() for a in first.css("a.ref")}.isdisjoint(a.text() for a in second.css("a.ref"))
    # htmx asks for the table alone when a filter changes.
    part = viewer.get("/cases?status=pending", headers={"HX-Request": "true", "HX-Target": "case-table"})
    table = HTMLParser(part.text)
    assert table.css_first("header.top") is None and [a.text() for a in table.css("a.ref")] == [REVIEW]
    bad = viewer.get("/cases?status=finished")
    assert bad.status_code == 400 and "finished" in HTMLParser(bad.text).css_first(".error").text()


def test_review_page_lists_documents_and_a_page_of_text(site) -> None:  # type: ignore[no-untyped-def]
    viewer = who(site, "viewer")
    page = viewer.html(f"/reviews/{REVIEW}")
    link = page.css_first("ul.documents a").attributes["href"]
    assert page.css_first(".notice a").attributes["href"] == f"/reviews/{REVIEW}/coding"
    text = viewer.html(link)
    assert "Page 1 of" in text.css_first(".page-text header").text()
    assert text.css_first(".page-text .text").text().startswith("Serious Case Review: Child T")
    page2 = viewer.html(text.css_first(".pager a[rel=next]").attributes["href"])
    assert "Page 2 of" in page2.css_first(".page-text header").text()
    assert "domestic abuse" in page2.css_first(".page-text .text").text()


def test_coding_screen_marks_the_evidence_and_a_coder_accepts(site) -> None:  # type: ignore[no-untyped-def]
    coder = who(site, "coder")
    page = coder.html(f"/reviews/{REVIEW}/coding")
    cards = page.css("ul.suggestions li.suggestion")
    marks = {m.attributes["data-code"] for m in page.css(".page-text mark")}
    on_page = [c for c in cards if c.attributes["id"].removeprefix("code-") in marks]
    assert on_page, "the shown page marks the evidence of its suggestions"
    for mark in page.css(".page-text mark")[:3]:
        card = page.css_first(f"#code-{mark.attributes['data-code']} blockquote")
        marked = " ".join(mark.text().split())
        assert marked and marked in " ".join(card.text().split())
    card = on_page[0]
    form = card.css_first("form.decide")
    data = {i.attributes["name"]: i.attributes.get("value") or "" for i in form.css("input[type=hidden]")}
    r = coder.post(form.attributes["action"], data={**data, "action": "accept"}, csrf=False)
    assert r.status_code == 303
    after = HTMLParser(coder.get(r.headers["location"]).text)
    # The coder's own code (a new one: the suggestion stays open to other coders).
    assert after.css_first(f"ul.suggestions:not(.decided) #{card.attributes['id']}") is None
    quote = " ".join(card.css_first("blockquote").text().split())
    mine = [li for li in after.css("ul.decided li")
            if " ".join(li.css_first("blockquote").text().split()) == quote]
    assert [li.css_first(".status-final").text() for li in mine] == ["final by coder"]


def test_a_bad_edit_shows_its_message_beside_the_field(site) -> None:  # type: ignore[no-untyped-def]
    coder = who(site, "coder")
    screen = coding_screen(site["store"], site["actors"]["coder"], REVIEW)
    item = next(s for _, items in screen.groups for s in items if not s.choices)
    r = coder.post(f"/reviews/{REVIEW}/codes/{item.code.id}",
                   data={"action": "edit", "version": item.version, "value": "purple"})
    assert r.status_code == 400
    msg = HTMLParser(r.text).css_first(f"#code-{item.code.id} .error")
    assert msg is not None and "'purple'" in msg.text()


def test_a_viewer_is_refused_an_accept_and_sees_no_decision_buttons(site) -> None:  # type: ignore[no-untyped-def]
    viewer = who(site, "viewer")
    page = viewer.html(f"/reviews/{REVIEW}/coding")
    assert page.css("form.decide") == [] and "coder role" in page.css_first(".notice").text()
    item = coding_screen(site["store"], site["actors"]["viewer"], REVIEW).groups[0][1][0]
    r = viewer.post(f"/reviews/{REVIEW}/codes/{item.code.id}", data={"action": "accept", "version": item.version})
    assert r.status_code == 403 and "coder role" in HTMLParser(r.text).css_first(".error").text()
    r = viewer.post(f"/api/reviews/{REVIEW}/codes/{item.code.id}/decision",
                    json={"action": "accept", "version": item.version})
    assert r.status_code == 403 and r.json()["error"] == "Not allowed"
    again = coding_screen(site["store"], site["actors"]["viewer"], REVIEW)
    assert item.code.id in {s.code.id for _, items in again.groups for s in items}


def test_a_second_save_of_the_same_decision_gets_a_conflict(site) -> None:  # type: ignore[no-untyped-def]
    # Coders decide independently (each decision is that coder's own code), so the clash
    # left is one person saving the same suggestion twice: from the API, then from a
    # screen opened before. Two people recording a consensus at once: test_consensus.py.
    coder, admin = who(site, "coder"), who(site, "admin")
    item = coding_screen(site["store"], site["actors"]["coder"], REVIEW).groups[0][1][-1]
    ok = coder.post(f"/api/reviews/{REVIEW}/codes/{item.code.id}/decision",
                    json={"action": "accept", "version": item.version})
    assert ok.status_code == 200 and ok.json()["status"] == "final"
    r = coder.post(f"/reviews/{REVIEW}/codes/{item.code.id}", data={"action": "reject", "version": item.version})
    assert r.status_code == 409
    box = HTMLParser(r.text).css_first(f"#code-{item.code.id} .error")
    changes = [li.text() for li in box.css("ul.changes li")]
    assert any(c.startswith("status: you read pending, now final") for c in changes), changes
    api = coder.post(f"/api/reviews/{REVIEW}/codes/{item.code.id}/decision",
                     json={"action": "reject", "version": item.version})
    assert api.status_code == 409
    assert {"field": "coder", "read": "casereview-assist", "now": "coder"} in api.json()["changes"]
    trail = admin.html(f"/admin/audit?review={REVIEW}")
    rows = [(r.css_first(".actor").text(), r.css_first(".action").text()) for r in trail.css("table.audit tbody tr")]
    assert ("coder", "accept") in rows and ("coder", "reject") not in rows


def test_admin_adds_a_user_who_can_then_sign_in(site) -> None:  # type: ignore[no-untyped-def]
    admin = who(site, "admin")
    r = admin.post("/admin/users", data={"name": "hana", "role": "coder", "password": "short"})
    assert r.status_code == 400 and "10 characters" in HTMLParser(r.text).css_first(".error").text()
    r = admin.post("/admin/users", data={"name": "hana", "role": "coder", "password": PASSWORD})
    assert r.status_code == 303
    names = [td.text() for td in admin.html("/admin/users").css("table.users td.name")]
    assert "hana" in names
    with TestClient(site["client"].app) as client:
        assert _sign_in(client, "hana", PASSWORD)[0] == 303


def test_dashboard_counts_cohorts_and_offers_the_reports(site) -> None:  # type: ignore[no-untyped-def]
    import csv
    import io

    from openpyxl import load_workbook

    from conftest import PACKAGE_DATA

    with open(PACKAGE_DATA / "triennial-sample.csv", newline="") as f:
        study_reviews = {r["review_id"] for r in csv.DictReader(f) if r["study"] == "triennial-2016-17"}
    viewer = who(site, "viewer")
    page = viewer.html("/dashboard")
    row = next(r for r in page.css("table.dashboard tbody tr") if r.css_first(".cohort").text() == "triennial-2016-17")
    assert int(row.css_first(".reviews").text()) == len(study_reviews)
    links = [a.attributes["href"] for a in row.css(".downloads a")]
    assert "/reports/tables.xlsx?study=triennial-2016-17" in links
    r = viewer.get("/reports/tables.xlsx?study=triennial-2016-17")
    assert r.status_code == 200 and r.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert r.headers["content-disposition"] == 'attachment; filename="triennial-2016-17-tables.xlsx"'
    assert len(load_workbook(io.BytesIO(r.content)).sheetnames) > 1
    html = viewer.get("/reports/briefing.html?study=triennial-2016-17")
    assert html.status_code == 200 and html.text.lstrip().lower().startswith("<!doctype html")
    bad = viewer.get("/reports/tables.pdf")
    assert bad.status_code == 400 and "tables.xlsx" in HTMLParser(bad.text).css_first(".error").text()
