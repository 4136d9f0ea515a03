"""Fixtures of the browser tests: the built book served on loopback, and Debian's Chromium."""

import pytest

from support import browser


@pytest.fixture(scope="module")
def site(built_html):
    with browser.serve(built_html) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    with browser.chromium() as instance:
        yield instance
