"""Fixtures shared by the request tests: the people of an interview, signed in or not."""

import os

import pytest

from interviews.roles import HIRING_MANAGER, RECRUITER
from tests.factories import make_interview, make_user


@pytest.fixture
def recruiter():
    """Rita, a recruiter."""
    return make_user(RECRUITER, email="rita@example.com", first_name="Rita")


@pytest.fixture
def manager():
    """Max, a hiring manager (of no position until a test makes him one)."""
    return make_user(HIRING_MANAGER, email="max@example.com", first_name="Max")


@pytest.fixture
def interview(recruiter):
    """An in-progress interview of three questions, run by Rita."""
    return make_interview(recruiter, kit_size=3)


@pytest.fixture
def signed_in(client, recruiter):
    """The test client, signed in as Rita."""
    client.force_login(recruiter)
    return client


# --- The shipped content, loaded once per test run ------------------------------------------

CONTENT_MODELS = (
    "glossary.Area",
    "glossary.Term",
    "glossary.Term_related",
    "glossary.Term_successors",
    "interviews.Question",
    "interviews.Question_terms",
    "interviews.RedFlag",
    "interviews.Kit",
    "interviews.KitQuestion",
)


@pytest.fixture(scope="session")
def shipped_content_rows(django_db_setup, django_db_blocker) -> list[tuple]:
    """The rows ``load_default_content`` makes, read once per run (the import then rolls back).

    Returns:
        For each content model, in order: the model, its INSERT statement, and its rows as the
        database takes them (each field's ``get_db_prep_save``, as ``bulk_create`` would send).
    """
    from django.apps import apps
    from django.core.management import call_command
    from django.db import connection, transaction

    tables = []
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_default_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
        for label in CONTENT_MODELS:
            model = content_model(apps, label)
            fields = model._meta.concrete_fields
            columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
            insert = (
                f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) "
                f"VALUES ({', '.join(['%s'] * len(fields))})"
            )
            rows = [
                tuple(f.get_db_prep_save(row[f.attname], connection) for f in fields)
                for row in model.objects.values(*[f.attname for f in fields])
            ]
            tables.append((model, insert, rows))
        transaction.set_rollback(True)
    return tables


@pytest.fixture(scope="session")
def shipped_content_revision() -> str:
    """The glossary revision token every test's copy of the shipped content gets (one per run).

    The copies are identical, so one token for all of them lets the matcher built for the first
    serve the rest, as a process serves every request until the glossary changes (any change
    still moves the token). A fresh token each run, so no other run's matcher can match it.
    """
    import uuid

    return f"shipped-{uuid.uuid4().hex[:24]}"


def content_model(apps, label: str):
    """The model of ``label`` in ``CONTENT_MODELS`` ("glossary.Term_related": the automatic
    many-to-many table of ``Term.related``)."""
    app_label, name = label.split(".")
    if "_" in name:  # an automatic many-to-many table
        model_name, field = name.split("_", 1)
        return getattr(apps.get_model(app_label, model_name), field).through
    return apps.get_model(app_label, name)


def insert_shipped_content(rows: list[tuple], revision: str) -> None:
    """Insert the rows ``shipped_content_rows`` read, with the glossary revision ``revision``."""
    from django.core.management.color import no_style
    from django.db import connection

    from glossary import matching
    from glossary.models import GlossaryRevision

    with connection.cursor() as cursor:
        for _, insert, table_rows in rows:
            cursor.executemany(insert, table_rows)
        # Rows came with their ids: move PostgreSQL's id sequences past them.
        models = [model for model, _, _ in rows]
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
    GlossaryRevision.objects.update_or_create(pk=1, defaults={"token": revision})
    matching.new_request()  # compare the revision again before the next use


@pytest.fixture
def shipped_content(db, shipped_content_rows, shipped_content_revision) -> None:
    """The shipped glossary and question bank in this test's database, as the command loads them.

    Inserted from rows read once per run, with one prepared statement a table (no model
    instances: a test pays a tenth of a second, not the import's seconds). The glossary revision
    is the run's token for this content (``shipped_content_revision``), so the matcher is built
    once per run for it, not once per test.
    """
    insert_shipped_content(shipped_content_rows, shipped_content_revision)


@pytest.fixture(scope="module")
def module_shipped_content(
    django_db_setup, django_db_blocker, shipped_content_rows, shipped_content_revision
):
    """The shipped content inserted once for a whole test module, in a transaction rolled back
    after its last test. Each test runs inside it in a savepoint (pytest-django's ``db``), so
    what a test changes is undone before the next. Not for ``transactional_db`` tests.
    Use through ``shipped_content_in_module``.
    """
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        insert_shipped_content(shipped_content_rows, shipped_content_revision)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def shipped_content_in_module(module_shipped_content, db) -> None:
    """``shipped_content`` for a module whose tests all use it: inserted once per module, not
    per test (the insert is most of a short test's time)."""
    from glossary import matching

    matching.new_request()  # a test before may have moved the revision and rolled it back
