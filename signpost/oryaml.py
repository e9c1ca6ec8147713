"""Write imported entries as services.yaml text, and ask the project's own checker about
them through that same text, so that an entry the import keeps is one `check` accepts."""
from __future__ import annotations

import datetime as dt
import json
import re

import yaml

from .servicesfile import check_services
from .settings import Settings
from .yamlfile import load_yaml


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml's emitter: quicker
    """Write entries the way staff write services.yaml."""


def _text(dumper, value):
    style = "|" if "\n" in value else ("'" if re.fullmatch(r"\d\d:\d\d", value) else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def entries_yaml(entries: list[dict], header: str) -> str:
    """The entries as a services.yaml document, after a header of comments, each entry
    indented under `services:` as services.yaml has them ("  - id: ..."), so that they can
    be pasted into it as they are."""
    text = yaml.dump({"services": entries}, Dumper=_Dumper, sort_keys=False,
                     allow_unicode=True, width=100)
    first, _, rest = text.partition("\n")
    # Every line moved alike keeps the YAML as it was, block text (description: |) too.
    return header + first + "\n" + re.sub(r"(?m)^(?=.)", "  ", rest)


class Checker:
    """The project's checker, asked about one entry or one field, for one import."""

    def __init__(self, settings: Settings, today: dt.date):
        self.settings, self.today = settings, today
        self._fields: dict = {}

    def entry(self, entry: dict) -> list[str]:
        """What the project's checker says about one entry, exactly as `check` would."""
        data, problems = load_yaml(entries_yaml([entry], ""), "import")
        if data is None:
            return [p.message for p in problems]
        _, more = check_services(data, "import", self.settings, self.today)
        return list(dict.fromkeys(f"{p.field}: {p.message}" if p.field else p.message
                                  for p in problems + more))

    def field(self, key: str, value) -> list[str]:
        """Check one field on its own inside an otherwise valid entry; the same value is
        checked once per import."""
        cache_key = (key, json.dumps(value, sort_keys=True))
        if cache_key not in self._fields:
            probe = {"id": "probe", "name": "Probe", "summary": "Probe",
                     "areas": [next(iter(self.settings.areas))], "referral": {"how": "Probe"},
                     key: value}
            self._fields[cache_key] = self.entry(probe)
        return self._fields[cache_key]
