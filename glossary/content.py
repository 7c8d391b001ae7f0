"""Import and export of content files (see docs/content-format.md).

This module holds the machinery every content file shares (YAML read with line numbers, each
item turned into the data its admin form would receive and checked by that form, the error
format ``file:line: item slug: field: what is wrong``) and the glossary file itself. The bank
file (``interviews.content``) builds on it, with the bank's admin forms.

An import validates the whole file before it writes anything; then it upserts by slug inside one
transaction. Nothing is ever deleted by an import.
"""

import datetime
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist
from django.db import models, transaction

from .matching import one_revision
from .models import SLUG_PATTERN, Area, Term

GLOSSARY_FORMAT = "interview-workbench/glossary"
FORMAT_VERSION = 1
_SLUG_RE = re.compile(SLUG_PATTERN)


# --- Reading YAML with line numbers ------------------------------------------------------------


class LineDict(dict):
    """A mapping read from YAML that remembers its own line and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A safe loader whose mappings are :class:`LineDict` and whose duplicate keys are errors.

    Built on libyaml's parser where PyYAML has it (its wheels do): the shipped glossary parses
    in a tenth of the pure-Python parser's time, with the same line numbers.
    """


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


# --- Problems ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a content file, printed as ``file:line: item slug: field: message``."""

    file: str
    line: int
    item: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.item}: {self.field}: {self.message}"


class ContentError(Exception):
    """Raised when a content file cannot be imported; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class Report:
    """What an import did (or, in a dry run, would do): counts per kind of item."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    changes: list[tuple[str, str, str]] = field(default_factory=list)

    def count(self, kind: str, outcome: str, slug: str = "") -> None:
        """Add one ``kind`` item to ``outcome`` ("created", "updated" or "unchanged"); a created
        or updated item's ``slug`` is kept in ``changes`` as ``(kind, outcome, slug)``."""
        bucket = getattr(self, outcome)
        bucket[kind] = bucket.get(kind, 0) + 1
        if outcome != "unchanged" and slug:
            self.changes.append((kind, outcome, slug))

    def lines(self) -> list[str]:
        """One human-readable line per kind of item, e.g. ``terms: 3 created, 1 updated``."""
        kinds = dict.fromkeys([*self.created, *self.updated, *self.unchanged])
        return [
            f"{kind}: {self.created.get(kind, 0)} created, {self.updated.get(kind, 0)} updated, "
            f"{self.unchanged.get(kind, 0)} unchanged"
            for kind in kinds
        ]


class Collector:
    """Gathers problems for one file, so an import can report all of them at once."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, line: int, item: str, field_name: str, message: str) -> None:
        """Record a problem at ``line`` (1-based) for ``item`` (a slug or a section name)."""
        self.problems.append(Problem(self.file, line, item, field_name, message))

    def raise_if_any(self) -> None:
        """Raise :class:`ContentError` when any problem was recorded."""
        if self.problems:
            raise ContentError(self.problems)


def read_yaml(path: Path | str, text: str | None = None) -> tuple[LineDict, Collector]:
    """Read a content file into a :class:`LineDict`.

    Args:
        path: the file's path (also the name used in problem messages).
        text: the file's content, if already read; otherwise the file is read as UTF-8.

    Returns:
        The top-level mapping and a collector for further problems in this file.

    Raises:
        ContentError: the file cannot be read, is not valid YAML, or is not a mapping.
    """
    name = str(path)
    problems = Collector(name)
    try:
        if text is None:
            text = Path(path).read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except OSError as exc:
        problems.add(0, "file", "-", f"cannot read the file ({exc.strerror})")
    except UnicodeDecodeError:
        problems.add(0, "file", "-", "is not UTF-8 text")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 0
        reason = getattr(exc, "problem", None) or str(exc)
        problems.add(line, "file", "-", f"not valid YAML: {reason}")
    else:
        if not isinstance(data, LineDict):
            problems.add(1, "file", "-", "the file must be a mapping with 'format' and 'version'")
    problems.raise_if_any()
    return data, problems


# --- Sections and items ---------------------------------------------------------------------


def check_header(data: LineDict, problems: Collector, expected: str, sections: set[str]) -> None:
    """Check ``format``, ``version`` and that only known top-level sections are present."""
    if data.get("format") != expected:
        problems.add(data.key_lines.get("format", 1), "file", "format", f"must be {expected!r}")
    if data.get("version") != FORMAT_VERSION:
        problems.add(
            data.key_lines.get("version", 1), "file", "version", f"must be {FORMAT_VERSION}"
        )
    for key in data:
        if key not in sections | {"format", "version"}:
            problems.add(data.key_lines[key], "file", str(key), "unknown section")


def section(data: LineDict, name: str, problems: Collector) -> list:
    """Return the list under ``name`` (empty when absent); record a problem if it is no list."""
    value = data.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        problems.add(data.key_lines[name], "file", name, "must be a list of items")
        return []
    return value


def line_of(item: LineDict, key: str) -> int:
    """The line of ``key`` in ``item``, or of the item itself when the key is absent."""
    return item.key_lines.get(key, item.line)


def run_import(apply: Callable[[], Report], dry_run: bool) -> Report:
    """Run ``apply`` in one transaction; roll it back when ``dry_run`` is true."""

    class _DryRun(Exception):
        pass

    report = Report()
    try:
        with transaction.atomic():
            report = apply()
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


class _IndentedDumper(yaml.SafeDumper):
    """Indents list items under their key, as the hand-written content files do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def dump_yaml(data: dict) -> str:
    """Write ``data`` as block-style YAML, keys in the given order, long text wrapped."""
    return yaml.dump(
        data, Dumper=_IndentedDumper, sort_keys=False, allow_unicode=True, width=100, indent=2
    )


# --- Items checked by the admin's forms -------------------------------------------------------


def form_data(
    item: LineDict,
    form: type[forms.ModelForm],
    skip: set[str],
    problems: Collector | None = None,
    slug: str = "",
) -> dict[str, Any]:
    """Turn one YAML item into the data its admin form would receive from a browser.

    Text has its runs of white space joined (folded YAML keeps line breaks); a field with a
    ``from_yaml`` method turns the value into its own text (cues, follow-ups); a JSON field
    gets the value as JSON; lists become one line per element (the form's ``LinesField``) or a
    list (multiple choices); booleans become
    "on" or nothing; dates their ISO form; an absent key with a text default (a choice) gets
    that default. Keys in ``skip`` are left to the caller; a boolean that is neither true nor
    false is recorded in ``problems`` (for item ``slug``).
    """
    fields = form.base_fields
    data: dict[str, Any] = {}
    for key, value in item.items():
        if key in skip or key not in fields or value is None:
            continue
        field = fields[key]
        if hasattr(field, "from_yaml"):  # a structured list edited as text in the admin
            data[key] = field.from_yaml(value)
        elif isinstance(field, forms.JSONField):
            data[key] = json.dumps(value, default=str)
        elif isinstance(field, forms.BooleanField):
            if value is True:
                data[key] = "on"
            elif value is not False and problems is not None:
                problems.add(line_of(item, key), slug, key, f"must be true or false, not {value!r}")
        elif isinstance(value, list):
            if isinstance(field, forms.MultipleChoiceField):
                data[key] = [str(v) for v in value]
            else:
                data[key] = "\n".join(str(v) for v in value)
        elif isinstance(value, datetime.date):
            data[key] = value.isoformat()
        elif isinstance(value, str):
            data[key] = " ".join(value.split())
        else:
            data[key] = str(value)  # YAML reads 3.12 or yes as non-text: keep what was written
    model = form._meta.model
    for key in fields.keys() - item.keys() - skip:  # an absent choice means its default
        try:
            default = model._meta.get_field(key).get_default()
        except FieldDoesNotExist:
            continue
        if isinstance(default, str) and default:
            data[key] = default
    return data


def check_keys(item: LineDict, allowed: Iterable[str], problems: Collector, slug: str) -> None:
    """Record every key of ``item`` that is not in ``allowed`` (usually a typo)."""
    allowed = set(allowed)
    for key in item:
        if key not in allowed:
            problems.add(item.key_lines[key], slug, str(key), "unknown key (is it misspelt?)")


def record_form_errors(
    form: forms.BaseForm, item: LineDict, problems: Collector, slug: str
) -> None:
    """Record a bound form's errors at the lines of the keys they are about (an error about
    the whole item whose code names one of its keys is put at that key)."""
    for name, errors in form.errors.as_data().items():
        for error in errors:
            key = name
            if name == NON_FIELD_ERRORS:
                key = error.code if error.code in item else "-"
            for message in error.messages:
                problems.add(line_of(item, key), slug, key, message)


def save_form(
    form: forms.ModelForm,
    report: Report,
    kind: str,
    slug: str,
    item: LineDict,
    problems: Collector,
    *,
    reported: Iterable[str] = (),
) -> models.Model | None:
    """Save a bound form's object if it is valid (its many-to-many fields too) and count what
    happened; otherwise record its errors at the item's lines. An item equal to its saved
    object is counted unchanged without being checked again.

    Args:
        form: the admin form bound to the item's data.
        report: the import's counts, by ``kind`` (``"terms"``, ``"questions"``...).
        slug: the item's slug, as problems name it.
        item: the file's item, for the lines of its keys.
        problems: where errors go.
        reported: fields whose errors were already reported in the file's own words.

    Returns:
        The saved (or unchanged) object, or None when the form refused the item.
    """
    if form.instance.pk is not None and not form.has_changed():
        # The same as the saved object, which passed these checks when it was saved: a file
        # loaded again (most of its items unchanged) is not checked item by item again.
        report.count(kind, "unchanged")
        return form.instance
    if not form.is_valid():
        for name in reported:
            form.errors.pop(name, None)
        record_form_errors(form, item, problems, slug)
        return None
    outcome = "created" if form.instance.pk is None else "updated"
    instance = form.save()
    report.count(kind, outcome, instance.slug)
    return instance


def slug_lists(
    item: LineDict, keys: Iterable[str], known: set[str], problems: Collector, slug: str
) -> dict[str, list[str]]:
    """Read lists of term slugs (``related``, ``successors``) and check each names a term."""
    lists = {}
    for key in keys:
        value = item.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.add(line_of(item, key), slug, key, "must be a list of term slugs")
            continue
        for other in value:
            if other not in known:
                problems.add(line_of(item, key), slug, key, f"unknown term {other!r}")
            elif other == slug:
                problems.add(line_of(item, key), slug, key, "a term cannot list itself")
        lists[key] = value
    return lists


# --- The glossary file -------------------------------------------------------------------------

TERM_LISTS = ("related", "successors")


def import_glossary(path: Path | str, *, dry_run: bool = False, text: str | None = None) -> Report:
    """Validate a glossary file, then upsert its areas and terms by slug in one transaction.

    Each area and term is checked by the admin's own form (``AreaForm``, ``TermForm``), so the
    file and the admin enforce the same rules; problems name the file's line.

    Args:
        path: the file to read (and the name used in problem messages).
        dry_run: validate and apply inside a transaction, then roll it back.
        text: the file's content, if already read.

    Returns:
        What was (or would be) created, updated and left unchanged.

    Raises:
        ContentError: listing every problem; the database is then unchanged.
    """
    data, problems = read_yaml(path, text)
    check_header(data, problems, GLOSSARY_FORMAT, {"areas", "terms"})
    areas = items_with_slugs(section(data, "areas", problems), problems, "areas")
    terms = items_with_slugs(section(data, "terms", problems), problems, "terms")
    _check_spellings(terms, problems)
    problems.raise_if_any()

    def apply() -> Report:
        with one_revision():
            return _apply_glossary(areas, terms, problems)

    return run_import(apply, dry_run)


def _apply_glossary(
    areas: list[tuple[str, LineDict]], terms: list[tuple[str, LineDict]], problems: Collector
) -> Report:
    """Save the file's areas and terms through their forms (inside the import's transaction).

    Raises:
        ContentError: a form refused an item; the transaction is then rolled back.
    """
    from .forms import AreaForm, TermForm

    report = Report()
    existing_areas = Area.objects.in_bulk([slug for slug, _ in areas], field_name="slug")
    for slug, item in areas:
        check_keys(item, AreaForm.base_fields, problems, slug)
        instance = existing_areas.get(slug)
        form = AreaForm(form_data(item, AreaForm, set(), problems, slug), instance=instance)
        save_form(form, report, "areas", slug, item, problems)
    area_ids = dict(Area.objects.values_list("slug", "pk"))
    in_file = {slug for slug, _ in terms}
    known = in_file | set(Term.objects.values_list("slug", flat=True))
    # Spellings of the terms this file does not redefine (it may move an alias between its own).
    others = {
        spelling.casefold(): name
        for name, aliases in Term.objects.exclude(slug__in=in_file).values_list("name", "aliases")
        for spelling in [name, *aliases]
    }
    lists = {}
    # Their links fetched together: the form reads them for its initial data (two queries a
    # term otherwise, 4.4 s of a 7.8 s import of 3,000 unchanged terms).
    existing = Term.objects.prefetch_related("related", "successors").in_bulk(
        list(in_file), field_name="slug"
    )
    for slug, item in terms:
        check_keys(item, TermForm.base_fields, problems, slug)
        lists[slug] = slug_lists(item, TERM_LISTS, known, problems, slug)
        values = form_data(item, TermForm, {"area", *TERM_LISTS}, problems, slug)
        area = item.get("area")
        if area is not None and area not in area_ids:
            problems.add(line_of(item, "area"), slug, "area", f"unknown area {area!r}")
            continue
        values["area"] = area_ids.get(area)
        form = TermForm(
            values,
            instance=existing.get(slug),
            other_spellings=others,
            listed_successors=lists[slug].get("successors", []),
        )
        save_form(form, report, "terms", slug, item, problems)
    problems.raise_if_any()
    by_slug = dict(Term.objects.values_list("slug", "pk"))
    for key in TERM_LISTS:
        wanted = {
            (by_slug[slug], by_slug[other])
            for slug in in_file
            for other in lists[slug].get(key, [])
        }
        _set_links(key, [by_slug[slug] for slug in in_file], wanted)
    return report


def _set_links(key: str, term_ids: list[int], wanted: set[tuple[int, int]]) -> None:
    """Make the terms' ``key`` links (``related`` or ``successors``) exactly ``wanted``, in a
    few queries for the whole file instead of one ``set()`` a term (3.7 s of a 16 s import).

    Args:
        key: the many-to-many field of ``Term``.
        term_ids: the terms whose links the file defines.
        wanted: their links, as (term id, linked term id).
    """
    relation = Term._meta.get_field(key)
    through = relation.remote_field.through
    source, target = f"{relation.m2m_field_name()}_id", f"{relation.m2m_reverse_field_name()}_id"
    rows = through.objects.filter(**{f"{source}__in": term_ids})
    current = set(rows.values_list(source, target))
    stale: dict[int, list[int]] = {}
    for term_id, other in current - wanted:
        stale.setdefault(term_id, []).append(other)
    for term_id, others in stale.items():
        through.objects.filter(**{source: term_id, f"{target}__in": others}).delete()
    through.objects.bulk_create(
        [through(**{source: term_id, target: other}) for term_id, other in wanted - current]
    )


def items_with_slugs(items: list, problems: Collector, kind: str) -> list[tuple[str, LineDict]]:
    """The section's items as ``(slug, item)``; items without a usable or with a repeated slug
    are recorded as problems and left out."""
    result: list[tuple[str, LineDict]] = []
    first_line: dict[str, int] = {}
    for index, item in enumerate(items, start=1):
        if not isinstance(item, LineDict):
            problems.add(getattr(item, "line", 0), f"{kind}[{index}]", "-", "must be a mapping")
            continue
        slug = item.get("slug")
        if not isinstance(slug, str) or not _SLUG_RE.match(slug.strip()):
            problems.add(
                line_of(item, "slug"),
                f"{kind}[{index}]",
                "slug",
                "is missing"
                if slug is None
                else f"{slug!r} is not a slug (lower-case letters, digits and hyphens)",
            )
            continue
        slug = slug.strip()
        if slug in first_line:
            problems.add(
                item.line, slug, "slug", f"duplicate slug (first used on line {first_line[slug]})"
            )
            continue
        first_line[slug] = item.line
        result.append((slug, item))
    return result


def _check_spellings(terms: list[tuple[str, LineDict]], problems: Collector) -> None:
    """Check that no name or alias in the file belongs to two of its terms (ignoring case)."""
    spellings: dict[str, str] = {}
    for slug, item in terms:
        aliases = item.get("aliases") if isinstance(item.get("aliases"), list) else []
        for key_name, spelling in [("name", item.get("name")), *(("aliases", a) for a in aliases)]:
            if not isinstance(spelling, str | int | float) or isinstance(spelling, bool):
                continue
            key = str(spelling).strip().casefold()
            if key and spellings.setdefault(key, slug) != slug:
                problems.add(
                    line_of(item, key_name),
                    slug,
                    key_name,
                    f"{spelling!r} is already a name or alias of {spellings[key]!r}",
                )


def export_glossary() -> str:
    """Return every area and term as a glossary file (the format import_glossary reads).

    Optional keys are written only when they are set, so files stay short.
    """
    terms = (
        Term.objects.select_related("area")
        .prefetch_related("related", "successors")
        .order_by("slug")
    )
    exported = []
    for t in terms:
        term = {
            "slug": t.slug,
            "name": t.name,
            "aliases": list(t.aliases),
            "area": t.area.slug,
            "meaning": t.meaning,
            "where_seen": t.where_seen,
            "signals": t.signals,
            "related": sorted(r.slug for r in t.related.all()),
            "tags": list(t.tags),
        }
        successors = sorted(s.slug for s in t.successors.all())
        optional = {
            "successors": successors,
            "kind": t.kind if t.kind != "technology" else None,
            "other_meanings": list(t.other_meanings),
            "case_sensitive": t.case_sensitive,
            "needs_context": t.needs_context,
            "verified": t.verified,
            "review_by": t.review_by,
        }
        term.update({key: value for key, value in optional.items() if value})
        exported.append(term)
    data = {
        "format": GLOSSARY_FORMAT,
        "version": FORMAT_VERSION,
        "areas": [
            {"slug": a.slug, "name": a.name, "order": a.order, "description": a.description}
            for a in Area.objects.order_by("order", "slug")
        ],
        "terms": exported,
    }
    return dump_yaml(data)
