"""Building the FastAPI app around one Store: routers, static files, errors, headers."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from casereview.store.database import Store
from casereview.web import (
    admin_pages,
    agreement_pages,
    api,
    coding_pages,
    consensus_pages,
    dashboard_pages,
    errors,
    pages,
    signin,
)
from casereview.web.config import WebSettings
from casereview.web.security import SecurityHeaders, SignInThrottle

STATIC = Path(__file__).parent / "static"


def create_app(store: Store, settings: WebSettings | None = None) -> FastAPI:
    settings = settings or WebSettings()
    # The schema and docs are served under /api behind sign-in, not at FastAPI's open defaults.
    app = FastAPI(
        title="casereview", version="0.1.0", docs_url=None, redoc_url=None, openapi_url=None,
        description="Case register, assisted coding and audit of child safeguarding case reviews.",
    )
    app.state.store = store
    app.state.settings = settings
    app.state.throttle = SignInThrottle(settings.sign_in_attempts, settings.sign_in_window_minutes * 60)
    app.add_middleware(SecurityHeaders, https=settings.https)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (signin, pages, coding_pages, consensus_pages, admin_pages, agreement_pages, dashboard_pages, api):
        app.include_router(module.router)
    errors.install(app)
    return app
