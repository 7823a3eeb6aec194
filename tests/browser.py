"""Drive Debian's chromium (``/usr/bin/chromium`` + ``/usr/bin/chromedriver``) from
Python with selenium, with the network blocked: used by ``tests/test_browser.py``
and ``benchmarks/view.py``.  Nothing is downloaded: both paths are given, so
selenium never asks Selenium Manager for a browser or a driver."""

from __future__ import annotations

import base64
import json
import os
import shutil
import struct
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

#: Flags for a quiet, offline, throw-away browser.  The proxy points at a closed
#: port and every host name fails to resolve, so any request to a host fails.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--proxy-server=127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--lang=zh-CN",
)


def missing() -> str:
    """Why the browser cannot run here ("" when it can)."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not Path(path).is_file():
            return f"{path} not found (apt-get install chromium chromium-driver; .ci/run does)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return ""


@contextmanager
def chromium(width: int = 1400, height: int = 900) -> Iterator:
    """A headless chromium with a fresh profile; yields the selenium driver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not fetch anything
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={profile}")
        options.add_argument(f"--window-size={width},{height}")
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        try:
            driver.set_script_timeout(120)
            yield driver
        finally:
            driver.quit()


def load(driver, page: Path, timeout: float = 60.0) -> float:
    """Open ``page`` and wait until its layout has settled; return the settle time in
    seconds after navigation started (``performance.now()`` at settling)."""
    driver.get_log("browser"), driver.get_log("performance")  # start with empty logs
    driver.get(page.resolve().as_uri())
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        settled = driver.execute_script("return window.kgView && window.kgView.settledAt")
        if settled is not None:
            return settled / 1000
        time.sleep(0.05)
    raise TimeoutError(f"{page} did not settle in {timeout:.0f} s")


def console_errors(driver) -> list[str]:
    """The page's console messages at level SEVERE (errors, CSP violations, exceptions)."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def requested_urls(driver) -> list[str]:
    """Every URL the browser asked for since the last call (from the DevTools Network log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG (ValueError when it is not one)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])


def png_stats(driver, data: bytes) -> dict:
    """Decode ``data`` (a PNG) in the browser and count its pixels: ``colours``
    (distinct colours, sampled), ``ink`` (share of pixels that are not near white)
    and ``has`` (which of the given colours appear)."""
    script = """
    const [b64, done] = arguments;
    const img = new Image();
    img.onload = () => {
      const c = document.createElement('canvas');
      c.width = img.width; c.height = img.height;
      const g = c.getContext('2d'); g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set(); let ink = 0, n = 0;
      for (let i = 0; i < px.length; i += 4 * 7) {
        n++;
        const r = px[i], gg = px[i + 1], b = px[i + 2];
        seen.add((r << 16) | (gg << 8) | b);
        if (r < 235 || gg < 235 || b < 235) ink++;
      }
      done({colours: seen.size, ink: ink / n, hex: Array.from(seen).map(v => v.toString(16).padStart(6, '0'))});
    };
    img.onerror = () => done({error: 'decode'});
    img.src = 'data:image/png;base64,' + b64;
    """
    return driver.execute_async_script(script, base64.b64encode(data).decode("ascii"))
