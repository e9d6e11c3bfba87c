"""Comparing two editors (annotations.views.compare): reviewers only, the agreement figures,
the marks on each column, ids kept apart, and a query count that does not grow."""

from __future__ import annotations

import re

import pytest

from annotations.models import Annotation
from tests.annotations.conftest import BODY, client_for, ids_in, queries
from tests.factories import make_annotation, make_article, make_user

pytestmark = pytest.mark.django_db


# --- Who may see it ---


def test_editors_are_refused_the_compare_page(compared):
    """Comparing editors is a reviewer's job: an editor gets 403."""
    response = client_for(make_user(role="editor")).get(f"/annotations/compare/{compared.pk}/")
    assert response.status_code == 403


# --- Compare ---------------------------------------------------------------------------------


def test_compare_shows_the_agreement_figures(reviewer, compared):
    """alice has 4 spans, bob 3. Exact spans: the claim and "Engineers" (2 of 7: F1 4/7 = 0.57);
    with tags only the claim (F1 2/7 = 0.29); overlap adds the minister (F1 6/7 = 0.86).
    Kappa over Claim–Claim and Source–Quote: po ½, pe ¼, κ ⅓ = 0.33."""
    response = client_for(reviewer).get(f"/annotations/compare/{compared.pk}/?a=alice&b=bob")
    figures = response.context["figures"]
    assert (figures.exact.matched, figures.exact.a_total, figures.exact.b_total) == (2, 4, 3)
    assert figures.exact_tag.matched == 1 and figures.overlap.matched == 3
    assert response.context["kappa"].value == pytest.approx(1 / 3)
    html = response.content.decode()
    for shown in ("0.57", "0.29", "0.86", "0.33"):
        assert f"<dd>{shown}</dd>" in html


def test_compare_defaults_to_the_first_two_editors(reviewer, compared):
    """Without ?a and ?b the first two editors by name are compared."""
    response = client_for(reviewer).get(f"/annotations/compare/{compared.pk}/")
    assert (response.context["a"], response.context["b"]) == ("alice", "bob")
    assert response.context["editors"] == ["alice", "bob"]


def test_compare_marks_spans_only_one_editor_has(reviewer, compared):
    """alice's cue has nothing on bob's side: its highlight says so in its title and the page's
    stylesheet outlines it in alice's column; the shared claim is not outlined."""
    cue = Annotation.objects.get(tag__name="Cue")
    claim = Annotation.objects.get(tag__name="Claim", author__username="alice")
    html = client_for(reviewer).get(f"/annotations/compare/{compared.pk}/").content.decode()
    assert f'data-ann="{cue.pk}" title="Cue (only this editor)"' in html
    stylesheet = html.split("<style", 1)[1].split("</style>", 1)[0]
    assert re.search(
        rf'#a-col mark:is\([^)]*\[data-ann~="{cue.pk}"\][^)]*\)\{{outline:2px dashed', stylesheet
    )
    assert f'[data-ann~="{claim.pk}"]' not in stylesheet
    assert "&quot;" not in stylesheet


def test_compare_columns_do_not_share_ids(reviewer, compared):
    """The article is rendered twice, but every element id on the page is unique."""
    html = client_for(reviewer).get(f"/annotations/compare/{compared.pk}/").content.decode()
    ids = ids_in(html)
    assert "a-t-body-p0" in ids and "b-t-body-p0" in ids
    assert len(ids) == len(set(ids))


def test_compare_with_one_editor_explains(reviewer, two_editors):
    """An article only one editor annotated has nothing to compare, and says so."""
    article = make_article(body=BODY)
    make_annotation(article, "Claim", quote="the bridge", author=two_editors[0])
    response = client_for(reviewer).get(f"/annotations/compare/{article.pk}/")
    assert response.status_code == 200
    assert "Only one editor has annotated this article" in response.content.decode()


def test_compare_with_an_editor_who_did_not_annotate(reviewer, compared):
    """An editor with no spans on the article is named in the message."""
    response = client_for(reviewer).get(f"/annotations/compare/{compared.pk}/?a=alice&b=carol")
    assert "“carol” has no annotations on this article" in response.content.decode()


def test_compare_of_a_missing_article_is_404(reviewer):
    assert client_for(reviewer).get("/annotations/compare/999999/").status_code == 404


def test_compare_query_count_does_not_grow_with_annotations(reviewer, two_editors):
    """The compare page reads the same number of queries for 2 spans as for 60."""
    alice, bob = two_editors
    client = client_for(reviewer)
    small = make_article(body=BODY)
    make_annotation(small, "Claim", quote="bridge", author=alice)
    make_annotation(small, "Claim", quote="bridge", author=bob)
    words = " ".join(f"word{i}" for i in range(30))
    big = make_article(body=words)
    for i in range(30):
        for author in (alice, bob):
            make_annotation(big, "Claim" if i % 2 else "Source", quote=f"word{i}", author=author)
    client.get(f"/annotations/compare/{small.pk}/")  # warm the session
    assert queries(lambda: client.get(f"/annotations/compare/{small.pk}/")) == queries(
        lambda: client.get(f"/annotations/compare/{big.pk}/")
    )
