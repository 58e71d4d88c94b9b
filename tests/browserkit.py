"""A real headless Chromium (Debian's `chromium` and `chromium-driver`) driven through selenium, for the browser
tier (tests/browser), the web beamer's benchmark and its screenshots: `missing()` says why there is none."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
DRIVERS = ("chromedriver",)
ARGUMENTS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
             "--no-default-browser-check", "--disable-extensions", "--mute-audio")


def _found(names: tuple[str, ...]) -> str | None:
    return next((path for name in names if (path := shutil.which(name) or shutil.which(name, path="/usr/bin"))),
                None)


def missing() -> str | None:
    """Why no browser can run here (for `pytest.skip`), or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (the test extra: pip install -e '.[test]')"
    if _found(BROWSERS) is None:
        return "Chromium is not installed (apt-get install chromium chromium-driver)"
    if _found(DRIVERS) is None:
        return "chromedriver is not installed (apt-get install chromium-driver)"
    return None


@contextmanager
def chromium(width: int = 1280, height: int = 720) -> Iterator[Any]:
    """A headless Chromium with a fresh profile whose page is `width`×`height` CSS pixels; its console kept."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = _found(BROWSERS) or ""
    with tempfile.TemporaryDirectory(prefix="lerend-chromium-") as profile:
        for argument in (*ARGUMENTS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(_found(DRIVERS) or ""), options=options)
        try:
            resize(driver, width, height)
            yield driver
        finally:
            driver.quit()


def resize(driver: Any, width: int, height: int) -> None:
    """The page's size, in CSS pixels (a window's size would include the browser around it)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def wait_for(driver: Any, condition: Callable[[], Any], what: str, timeout: float = 5.0) -> Any:
    """What `condition()` gives once it is true, looking every 10 ms; fails naming `what` after `timeout` s."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.01).until(lambda _: condition())
    except TimeoutException:
        raise AssertionError(f"{what} did not happen within {timeout} s") from None


PAGE_STATE = """
const text = (id) => document.getElementById(id).hidden ? "" : document.getElementById(id).textContent;
return {show: document.body.dataset.show || "", state: document.body.dataset.state || "",
        digits: text("digits"), words: text("state"), phase: text("phase"), message: text("message"),
        speaker: text("speaker"), next: text("next-speaker"), step: text("step"),
        instruction: text("instruction"), text: document.body.innerText};
"""


def page_state(driver: Any) -> dict[str, str]:
    """What the web beamer's page shows: its screen, state, digits and words."""
    return driver.execute_script(PAGE_STATE)
