"""The comparison page and consensus form as people use them, and the same in the API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from casereview.app.access import Actor
from casereview.app.coding import coding_screen
from casereview.app.users import create_user
from casereview.web.app import create_app
from casereview.web.config import WebSettings
from conftest import make_sqlite_store
from web_client import As
from web_support import OWNER, PASSWORD, REVIEW, build_register


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:  # type: ignore[type-arg]
    store = make_sqlite_store(Path(tmp_path_factory.mktemp("compare")))
    actors = build_register(store)
    user = create_user(store, OWNER, "bea", "coder", PASSWORD)
    actors["bea"] = Actor(user.name, user.role, user.id)
    with TestClient(create_app(store, WebSettings())) as client:
        yield {"store": store, "actors": actors, "client": client}
    store.close()


def _decide(site: dict, who: str, field: str, action: str, value: str | None = None) -> None:  # type: ignore[type-arg]
    screen = coding_screen(site["store"], site["actors"][who], REVIEW)
    item = next(s for _, items in screen.groups for s in items if s.code.field_id == field)
    r = As(site["client"], site["store"], site["actors"][who]).post(
        f"/api/reviews/{REVIEW}/codes/{item.code.id}/decision",
        json={"action": action, "version": item.version, "value": value},
    )
    assert r.status_code == 200, r.text


def test_two_coders_disagree_on_the_page_and_record_consensus(site) -> None:  # type: ignore[no-untyped-def]
    coder, bea = (As(site["client"], site["store"], site["actors"][n]) for n in ("coder", "bea"))
    _decide(site, "coder", "par_drugs", "accept")  # "no"
    # Bea has not coded par_drugs yet: the coder's value is hidden from her.
    api = bea.get(f"/api/reviews/{REVIEW}/compare").json()
    [hidden] = [f for f in api["fields"] if f["field_id"] == "par_drugs"]
    assert hidden["values"] == [["coder", None, "(hidden until you code this field)"]]
    coding = bea.get(f"/api/reviews/{REVIEW}/coding").json()
    assert coding["decided"] == [] and "par_drugs" in str(coding["groups"])
    _decide(site, "bea", "par_drugs", "edit", "yes")

    page = coder.html(f"/reviews/{REVIEW}/compare")
    row = page.css_first("tr#f-par_drugs")
    assert "disagree" in row.attributes["class"]
    assert {td.attributes["data-coder"]: td.text().strip() for td in row.css("td.value")} == {"bea": "Yes", "coder": "No"}
    form = row.css_first("form.consensus")
    data = {i.attributes["name"]: i.attributes.get("value") or "" for i in form.css("input")}
    assert data["agreed_by"] == "bea" and data["seen"] == ""
    assert data["csrf_token"] == coder.csrf
    no_token = {k: v for k, v in data.items() if k != "csrf_token"}
    refused = coder.post(form.attributes["action"], data={**no_token, "value": "yes"}, csrf=False)
    assert refused.status_code == 403  # the form's token was left out
    r = coder.post(form.attributes["action"], data={**data, "value": "yes"}, csrf=False)
    assert r.status_code == 303
    row = coder.html(r.headers["location"]).css_first("tr#f-par_drugs")
    assert row.css_first(".consensus .agreed").text() == "Yes"
    assert "agreed by bea, coder" in row.css_first(".consensus").text()
    # Bea's tab was opened before the consensus: the API refuses her change with what changed.
    clash = bea.post(f"/api/reviews/{REVIEW}/consensus",
                     json={"codebook": "triennial-2014-17", "field": "par_drugs", "value": "no"})
    assert clash.status_code == 409
    assert clash.json()["changes"] == [{"field": "consensus", "read": None, "now": "yes"}]
    # The review page names the consensus; a viewer is refused the comparison.
    review = bea.html(f"/reviews/{REVIEW}")
    assert any("consensus" in tr.text() and "Yes" in tr.text() for tr in review.css("table.codes tbody tr"))
    viewer = As(site["client"], site["store"], site["actors"]["viewer"])
    assert viewer.get(f"/reviews/{REVIEW}/compare").status_code == 403
    assert HTMLParser(viewer.get(f"/reviews/{REVIEW}").text).css_first("a[href$='/compare']") is None
