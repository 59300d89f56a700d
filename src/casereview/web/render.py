"""Rendering a page: the templates, plus what every page needs (who is signed in, CSRF)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def _query(params: dict[str, Any], **changes: Any) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return "?" + urlencode(merged)


TEMPLATES.env.globals["query"] = _query


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    who = getattr(request.state, "signed_in", None)
    base = {"user": who.actor if who else None, "csrf_token": who.csrf_token if who else ""}
    return TEMPLATES.TemplateResponse(request, name, base | context, status_code=status)
