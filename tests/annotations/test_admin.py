"""The annotation admin: tags, the source registry and its aliases, annotations (offsets
re-cut into quotes, notes sanitised) and attributions."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from annotations.models import Annotation, Attribution, Source, SourceAlias, Tag
from tests.admin_forms import change_form, form_data, post_change
from tests.factories import make_annotation

pytestmark = pytest.mark.django_db

FROZEN = "has annotations, so its text cannot be edited"


# --- Tag and Source admin ---------------------------------------------------------------------


def test_tag_changelist_edits_position_in_place(superuser_client):
    """Positions are editable straight from the tag list."""
    response = superuser_client.get(reverse("admin:annotations_tag_changelist"))
    data = form_data(response.content.decode(), "changelist-form")
    tags = list(Tag.objects.order_by("position", "name"))
    index = next(i for i, tag in enumerate(tags) if tag.name == "Quote")
    data[f"form-{index}-position"] = "0"
    data["_save"] = "Save"
    response = superuser_client.post(reverse("admin:annotations_tag_changelist"), data)
    assert response.status_code == 302
    assert Tag.objects.get(name="Quote").position == 0


def test_source_admin_search_matches_aliases(superuser_client):
    """Searching sources finds one by an alias as well as by name, once."""
    source = Source.objects.create(name="British Broadcasting Corporation", kind="media")
    SourceAlias.objects.create(source=source, alias="BBC")
    SourceAlias.objects.create(source=source, alias="BBC News")
    Source.objects.create(name="Reuters", kind="media")
    response = superuser_client.get(reverse("admin:annotations_source_changelist"), {"q": "bbc"})
    assert list(response.context["cl"].result_list) == [source]


def test_source_admin_refuses_aliases_that_normalise_alike(superuser_client):
    """ "BBC" and "bbc " on one source are refused as a form error, not a database error."""
    response = superuser_client.post(
        reverse("admin:annotations_source_add"),
        {
            "name": "British Broadcasting Corporation",
            "kind": "media",
            "description": "",
            "aliases-TOTAL_FORMS": "2",
            "aliases-INITIAL_FORMS": "0",
            "aliases-MIN_NUM_FORMS": "0",
            "aliases-MAX_NUM_FORMS": "1000",
            "aliases-0-alias": "BBC",
            "aliases-1-alias": "bbc ",
        },
    )
    assert response.status_code == 200
    assert "are the same alias" in response.content.decode()
    assert not Source.objects.exists()


def test_source_admin_refuses_name_equal_after_canonicalising(superuser_client):
    """A name differing only in spacing from an existing one is a duplicate, not a crash."""
    Source.objects.create(name="Jane Doe", kind="person")
    response = superuser_client.post(
        reverse("admin:annotations_source_add"),
        {
            "name": "Jane  Doe",
            "kind": "person",
            "description": "",
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
            "aliases-MIN_NUM_FORMS": "0",
            "aliases-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200
    assert "name" in response.context["adminform"].form.errors
    assert Source.objects.count() == 1


# --- Annotation admin -------------------------------------------------------------------------


def test_annotation_changelist_filters_and_searches(superuser_client, article):
    """The list can be searched by quote and filtered by tag."""
    claim = make_annotation(article, "Claim", quote="the bridge would open")
    make_annotation(article, "Source", quote="The minister")
    url = reverse("admin:annotations_annotation_changelist")
    assert list(superuser_client.get(url, {"q": "would open"}).context["cl"].result_list) == [claim]
    tag = Tag.objects.get(name="Claim")
    assert list(
        superuser_client.get(url, {"tag__id__exact": tag.pk}).context["cl"].result_list
    ) == [claim]


def test_annotation_admin_moving_offsets_recuts_quote(superuser_client, article):
    """New offsets are checked against the text and quote, prefix and suffix re-cut from it."""
    annotation = make_annotation(article, quote="minister")
    data = change_form(superuser_client, Annotation, annotation)
    data["start"], data["end"] = "22", "28"
    assert post_change(superuser_client, Annotation, annotation, data).status_code == 302
    annotation.refresh_from_db()
    assert annotation.quote == "bridge"
    assert annotation.prefix == "The minister said the "


def test_annotation_admin_refuses_offsets_outside_the_text(superuser_client, article):
    """An end past the text is refused with the anchoring message; the row is unchanged."""
    annotation = make_annotation(article, quote="minister")
    data = change_form(superuser_client, Annotation, annotation)
    data["end"] = "5000"
    response = post_change(superuser_client, Annotation, annotation, data)
    assert response.status_code == 200
    assert "lies outside the text" in response.content.decode()
    annotation.refresh_from_db()
    assert annotation.end == 12


def test_annotation_admin_refuses_caption_target_without_caption(superuser_client, article):
    """Switching to a caption target without naming the caption is a form error."""
    annotation = make_annotation(article, quote="minister")
    data = change_form(superuser_client, Annotation, annotation)
    data["target"] = "caption"
    response = post_change(superuser_client, Annotation, annotation, data)
    assert response.status_code == 200
    assert "caption" in response.context["adminform"].form.errors
    annotation.refresh_from_db()
    assert annotation.target == "body"


def test_annotation_admin_sanitises_note_and_previews_it(superuser_client, article):
    """A note saved in the admin loses its script; the preview shows the cleaned HTML only."""
    annotation = make_annotation(article, quote="minister")
    data = change_form(superuser_client, Annotation, annotation)
    data["note"] = '<b onclick="x()">Checked</b><script>alert(1)</script>'
    assert post_change(superuser_client, Annotation, annotation, data).status_code == 302
    annotation.refresh_from_db()
    assert annotation.note == "<b>Checked</b>"
    content = change_form_page(superuser_client, annotation)
    assert "<b>Checked</b>" in content
    assert "alert(1)" not in content


def change_form_page(client, annotation) -> str:
    url = reverse("admin:annotations_annotation_change", args=[annotation.pk])
    return client.get(url).content.decode()


# --- Attribution admin ------------------------------------------------------------------------


def test_attribution_admin_lists_claim_and_source(superuser_client, article):
    """The list shows each attribution's claim with its source label."""
    claim = make_annotation(article, "Claim", quote="the bridge would open")
    source = make_annotation(article, "Source", quote="The minister")
    Attribution.objects.create(claim=claim, source_span=source, author=claim.author)
    response = superuser_client.get(reverse("admin:annotations_attribution_changelist"))
    assert response.status_code == 200
    assert "“The minister”" in response.content.decode()


def test_attribution_admin_add_without_claim_is_a_form_error(superuser_client, article):
    """Submitting an attribution with no claim shows a field error rather than crashing."""
    source = make_annotation(article, "Source", quote="The minister")
    response = superuser_client.post(
        reverse("admin:annotations_attribution_add"),
        {"claim": "", "source_span": str(source.pk), "author": str(source.author_id)},
    )
    assert response.status_code == 200
    assert "claim" in response.context["adminform"].form.errors


# --- Source aliases: confirmed or candidates -----------------------------------------------------


def add_source_with_aliases(client, *aliases: tuple[str, bool]):
    data = {
        "name": "Syrian Observatory for Human Rights",
        "kind": "organisation",
        "description": "",
        "aliases-TOTAL_FORMS": str(len(aliases)),
        "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
    }
    for i, (alias, confirmed) in enumerate(aliases):
        data[f"aliases-{i}-alias"] = alias
        if confirmed:
            data[f"aliases-{i}-confirmed"] = "on"
    return client.post(reverse("admin:annotations_source_add"), data)


def test_source_admin_records_who_confirmed_an_alias(superuser_client):
    """An alias ticked "confirmed" in the source's form is recorded as confirmed by the admin,
    now; one left unticked stays a candidate."""
    response = add_source_with_aliases(superuser_client, ("SOHR", True), ("the monitor", False))
    assert response.status_code == 302
    confirmed = SourceAlias.objects.get(alias="SOHR")
    assert (confirmed.confirmed, confirmed.confirmed_by.username) == (True, "boss")
    assert confirmed.confirmed_at is not None
    candidate = SourceAlias.objects.get(alias="the monitor")
    assert (candidate.confirmed, candidate.confirmed_by, candidate.confirmed_at) == (
        False,
        None,
        None,
    )


def test_source_admin_refuses_a_pronoun_alias(superuser_client):
    """ "he" is refused as an alias with a message; nothing is saved."""
    response = add_source_with_aliases(superuser_client, ("he", True))
    assert response.status_code == 200
    assert "never an alias" in response.content.decode()
    assert not Source.objects.exists()


def test_source_list_marks_candidate_aliases(superuser_client):
    """The source list shows each alias, a candidate followed by "(?)"."""
    source = Source.objects.create(name="Pentagon", kind="government")
    SourceAlias.objects.create(
        source=source, alias="the Pentagon", confirmed=True, confirmed_at=timezone.now()
    )
    SourceAlias.objects.create(source=source, alias="the department")
    response = superuser_client.get(reverse("admin:annotations_source_changelist"))
    body = response.content.decode()
    assert "the department (?)" in body
    assert "the Pentagon (?)" not in body
    assert "the Pentagon" in body


def alias_action(client, action: str, *aliases: SourceAlias):
    return client.post(
        reverse("admin:annotations_sourcealias_changelist"),
        {"action": action, "_selected_action": [a.pk for a in aliases]},
        follow=True,
    )


def test_alias_list_shows_confirmed_state_and_filters_by_it(superuser_client):
    """The alias list has a confirmed column and filter: candidates can be found for review."""
    source = Source.objects.create(name="Pentagon", kind="government")
    done = SourceAlias.objects.create(
        source=source, alias="the Pentagon", confirmed=True, confirmed_at=timezone.now()
    )
    waiting = SourceAlias.objects.create(source=source, alias="the department")
    url = reverse("admin:annotations_sourcealias_changelist")
    assert list(superuser_client.get(url, {"confirmed__exact": "0"}).context["cl"].result_list) == [
        waiting
    ]
    assert list(superuser_client.get(url, {"confirmed__exact": "1"}).context["cl"].result_list) == [
        done
    ]


def test_confirm_action_confirms_candidates_by_the_admin(superuser_client):
    """ "Confirm selected aliases" confirms the candidates, recording the admin and the time."""
    source = Source.objects.create(name="Pentagon", kind="government")
    alias = SourceAlias.objects.create(source=source, alias="the department")
    response = alias_action(superuser_client, "confirm", alias)
    assert "1 alias(es) confirmed." in response.content.decode()
    alias.refresh_from_db()
    assert (alias.confirmed, alias.confirmed_by.username) == (True, "boss")
    assert alias.confirmed_at is not None


def test_confirm_action_skips_a_pronoun_left_from_before(superuser_client):
    """A pronoun alias (made before aliases were managed) is never confirmed, and named."""
    source = Source.objects.create(name="Lena Varga", kind="media")
    pronoun = SourceAlias.objects.create(source=source, alias="he")
    name = SourceAlias.objects.create(source=source, alias="Varga")
    response = alias_action(superuser_client, "confirm", pronoun, name)
    assert "Never an alias, not confirmed: he." in response.content.decode()
    assert list(SourceAlias.objects.confirmed()) == [name]


def test_unconfirm_action_forgets_the_confirmation(superuser_client):
    """ "Unconfirm selected aliases" makes them candidates again, who and when cleared."""
    source = Source.objects.create(name="Pentagon", kind="government")
    alias = SourceAlias.objects.create(
        source=source, alias="the Pentagon", confirmed=True, confirmed_at=timezone.now()
    )
    alias_action(superuser_client, "unconfirm", alias)
    alias.refresh_from_db()
    assert (alias.confirmed, alias.confirmed_by, alias.confirmed_at) == (False, None, None)


def test_alias_added_confirmed_in_its_own_form_records_the_admin(superuser_client):
    """An alias added through the alias admin with "confirmed" ticked records who and when."""
    source = Source.objects.create(name="Pentagon", kind="government")
    response = superuser_client.post(
        reverse("admin:annotations_sourcealias_add"),
        {"source": source.pk, "alias": "the Pentagon", "confirmed": "on"},
    )
    assert response.status_code == 302
    alias = SourceAlias.objects.get()
    assert (alias.confirmed, alias.confirmed_by.username) == (True, "boss")
