"""annotations migration 0007: aliases become managed; the ones left from silent learning."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from annotations.models import Source, SourceAlias

pytestmark = pytest.mark.django_db

managed = importlib.import_module("annotations.migrations.0007_source_alias_confirmed")


def test_pronoun_aliases_are_dropped_and_the_rest_stay_unconfirmed():
    """Aliases learned from "he" or "they" (only pronouns or determiners) are deleted; the
    others stay, unconfirmed (nothing recorded who made them)."""
    source = Source.objects.create(name="Lena Varga", kind="media")
    for alias in ("he", "They", "the", "Varga", "the correspondent", "his agency"):
        SourceAlias.objects.create(source=source, alias=alias)
    managed.drop_pronoun_aliases(apps, None)
    kept = SourceAlias.objects.order_by("normalised")
    assert [(a.normalised, a.confirmed) for a in kept] == [
        ("his agency", False),
        ("the correspondent", False),
        ("varga", False),
    ]
