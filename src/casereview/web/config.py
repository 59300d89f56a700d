"""Settings of the web app (environment variables with the prefix CASEREVIEW_WEB_)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class WebSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CASEREVIEW_WEB_", env_file=".env", extra="ignore")

    https: bool = Field(
        default=False,
        description="Set when the app is served over https (directly or behind a proxy): "
        "cookies get the Secure flag and browsers are told to keep to https (HSTS).",
    )
    session_hours: float = Field(
        default=8, gt=0, le=24 * 7, description="How long a sign-in lasts, in hours."
    )
    sign_in_attempts: int = Field(
        default=5, ge=1, le=100,
        description="Failed sign-ins allowed per user name, and per client address, in the window.",
    )
    sign_in_window_minutes: float = Field(
        default=15, gt=0, description="Window for counting failed sign-ins, in minutes."
    )
