"""Typed settings, read from the environment (prefix CASEREVIEW_) or a .env file."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CASEREVIEW_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///casereview.db",
        description="SQLAlchemy URL of the case register: a SQLite file (default) or "
        "postgresql+psycopg://user@host:port/db for a team.",
    )
    codebook_dirs: Annotated[list[Path], NoDecode] = Field(
        default_factory=list,
        description="Extra folders of codebook YAML files, loaded after the bundled ones "
        f"(several separated by {os.pathsep!r}, or a JSON list).",
    )
    coder: str = Field(
        default="cli",
        description="Name recorded as the coder of values imported or entered from the CLI.",
    )
    cache_dir: Path | None = Field(
        default=None,
        description="Folder for data rebuilt from the extraction rules whenever they change "
        "(compiled phrase matchers); default $XDG_CACHE_HOME/casereview or ~/.cache/casereview.",
    )

    organisation: str | None = Field(
        default=None,
        description="The organisation that publishes reports (e.g. 'Northshire Safeguarding "
        "Children Partnership'), printed on the cover of every report.",
    )
    author: str | None = Field(
        default=None,
        description="The author (a person or team) printed on the cover of every report.",
    )

    @field_validator("codebook_dirs", mode="before")
    @classmethod
    def _split_dirs(cls, value: object) -> object:
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                try:
                    return json.loads(text)
                except json.JSONDecodeError as exc:
                    raise ValueError(
                        f"{text!r} is not a JSON list of folders ({exc.msg}); give folders "
                        f"separated by {os.pathsep!r} or a list such as [\"/path/a\", \"/path/b\"]"
                    ) from None
            return [p for p in text.split(os.pathsep) if p]
        return value

    @field_validator("database_url")
    @classmethod
    def _known_backend(cls, url: str) -> str:
        if not url.startswith(("sqlite", "postgresql")):
            raise ValueError(
                f"unsupported database URL {url!r}: use sqlite:///FILE or postgresql+psycopg://..."
            )
        return url


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    from pydantic import ValidationError

    from casereview.errors import ConfigError

    try:
        return Settings()
    except ValidationError as exc:  # one line naming the setting, not a pydantic report
        first = exc.errors()[0]
        name = "CASEREVIEW_" + str(first["loc"][0]).upper() if first["loc"] else "settings"
        message = str(first["msg"]).removeprefix("Value error, ")
        raise ConfigError(f"{name}: {message}") from None
