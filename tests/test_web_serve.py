"""`casereview serve` starts the app on the SQLite default and answers over HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_serve_answers_sign_in_and_sends_strangers_there(tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASEREVIEW_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "casereview", "serve", "--port", str(port)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/signin", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and 'name="password"' in r.text
        cases = httpx.get(f"http://127.0.0.1:{port}/cases", follow_redirects=False)
        assert cases.status_code == 303 and cases.headers["location"] == "/signin?next=/cases"
        api = httpx.get(f"http://127.0.0.1:{port}/api/cases")
        assert api.status_code == 401 and api.json()["error"] == "Sign-in needed"
        assert (tmp_path / "casereview.db").exists()  # the SQLite default, where it was started
    finally:
        proc.terminate()
        proc.wait(timeout=20)
