"""Shared fixtures: the repository's own settings, the minimal fixture project, and a
helper that parses built pages with BeautifulSoup."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from signpost.pipeline import build
from signpost.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
TODAY = dt.date(2026, 11, 22)  # a fixed clock: staleness and future dates do not drift


@pytest.fixture(scope="session")
def settings() -> Settings:
    """The repository's settings with its vocabularies loaded."""
    loaded, problems = load_settings(Settings.for_root(ROOT))
    assert problems == []
    return loaded


@pytest.fixture
def project(tmp_path) -> Settings:
    """Settings for a copy of the minimal fixture project, building into tmp_path/_site."""
    shutil.copytree(FIXTURE, tmp_path / "minimal")
    return Settings.for_root(ROOT, services_file=tmp_path / "minimal" / "services.yaml",
                             content_dir=tmp_path / "minimal" / "content",
                             out_dir=tmp_path / "_site")


@pytest.fixture
def built(project) -> Path:
    """The minimal project, built; returns the site folder."""
    build(project, today=TODAY)
    return project.out_dir


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
