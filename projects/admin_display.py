"""What the admin shows of stored structures: tables and lists a person reads, not JSON.

Django's admin prints a JSONField as its JSON text. `ReadableJSONMixin` swaps
every JSONField of a model admin for a read-only rendering: a mapping becomes
a two-column table, a list of mappings a table with a column per key, any
other list a bulleted list. Sizes and step durations read as the portal's do.
"""

from __future__ import annotations

from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import capfirst

EMPTY = "—"


def readable(value) -> SafeString | str:
    """HTML for a JSON value: tables for mappings and lists of mappings, lists, plain text."""
    if value in (None, "", [], {}):
        return EMPTY
    if isinstance(value, dict):
        rows = format_html_join(
            "", "<tr><th scope='row'>{}</th><td>{}</td></tr>",
            ((_label(key), readable(item)) for key, item in value.items()),
        )  # fmt: skip
        return format_html("<table class='readable'>{}</table>", rows)
    if isinstance(value, list):
        if all(isinstance(item, dict) for item in value):
            return _table(value)
        items = format_html_join("", "<li>{}</li>", ((readable(item),) for item in value))
        return format_html("<ul class='readable'>{}</ul>", items)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _table(rows: list[dict]) -> SafeString:
    keys = list(dict.fromkeys(key for row in rows for key in row))
    head = format_html_join("", "<th scope='col'>{}</th>", ((_label(k),) for k in keys))
    body = format_html_join(
        "",
        "<tr>{}</tr>",
        (
            (format_html_join("", "<td>{}</td>", ((readable(row.get(k)),) for k in keys)),)
            for row in rows
        ),
    )
    return format_html("<table class='readable'><tr>{}</tr>{}</table>", head, body)


def _label(key) -> str:
    return capfirst(str(key).replace("_", " "))


def human_size(size) -> str:
    """1234567 → '1.2 MB', as the portal's file table shows it."""
    return EMPTY if size in (None, "") else filesizeformat(size)


def _shown(name: str, verbose_name: str):
    def shown(obj):
        return readable(getattr(obj, name))

    shown.short_description = capfirst(verbose_name)
    shown.__name__ = f"{name}_shown"
    return shown


class ReadableJSONMixin:
    """Model admins whose JSON fields read as tables and lists (they are never edited here)."""

    def _json_names(self) -> list[str]:
        return [f.name for f in self.model._meta.fields if isinstance(f, models.JSONField)]

    def get_exclude(self, request, obj=None):
        return [*(super().get_exclude(request, obj) or []), *self._json_names()]

    def get_readonly_fields(self, request, obj=None):
        return self.readable_fields(request, obj, super().get_readonly_fields(request, obj))

    def readable_fields(self, request, obj, names) -> list:
        """`names` with each JSON field swapped for its rendering (the hidden ones left out)."""
        json_names = self._json_names()
        hidden = set(super().get_exclude(request, obj) or [])
        return [
            *(name for name in names if name not in json_names),
            *(_shown(f.name, f.verbose_name) for f in self.model._meta.fields
              if f.name in json_names and f.name not in hidden),
        ]  # fmt: skip
