"""Two people changing the same annotation (issue 11): every form and button carries the
annotation's version, a stale write is refused with 409 and the current state, and the Review
history records the true before and after. Deterministic interleavings (open A, open B,
submit A, submit B) run on any database, 50 trials each; the threaded race runs where the
database lets two connections write at once (PostgreSQL: CI's second run,
`bash scripts/with-postgres`)."""

from __future__ import annotations

import re
import threading
import uuid

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from annotations.models import NOTE_MAX_CHARS, Annotation, Attribution, Review, Tag
from articles.models import Article
from tests.factories import make_annotation, make_article, make_user

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
TRIALS = 50
BODY = "The mayor said the new library would open in June, a week later than planned."


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def version_in(html: str) -> str:
    """The version a form or button the server rendered carries."""
    found = re.search(r'name="version" value="(\d+)"', html) or re.search(
        r'hx-vals=\'\{"version": (\d+)\}\'', html
    )
    assert found, html
    return found.group(1)


def open_form(client: Client, name: str, annotation: Annotation) -> str:
    response = client.get(reverse(f"annotations:{name}", args=[annotation.pk]), headers=HTMX)
    assert response.status_code == 200
    return version_in(response.content.decode())


def correct(client: Client, annotation: Annotation, version: str | None, words: str, tag="Claim"):
    start = BODY.index(words)
    data = {
        "tag": Tag.objects.get(name=tag).pk,
        "start": start,
        "end": start + len(words),
        "quote": words,
        "reason": f"it is “{words}”",
    }
    if version is not None:
        data["version"] = version
    url = reverse("annotations:correct", args=[annotation.pk])
    return client.post(url, data, headers=HTMX)


def edit(client: Client, annotation: Annotation, version: str, note: str, tag="Claim"):
    data = {"tag": Tag.objects.get(name=tag).pk, "note": note, "version": version}
    return client.post(reverse("annotations:edit", args=[annotation.pk]), data, headers=HTMX)


@pytest.fixture
def article() -> Article:
    return make_article(body=BODY)


@pytest.fixture
def editor():
    return make_user("eddie", "editor")


@pytest.fixture
def reviewers():
    return make_user("rita", "reviewer"), make_user("rob", "reviewer")


def new_claim(article: Article, editor) -> Annotation:
    return make_annotation(
        article, "Claim", quote="the new library would open in June", author=editor
    )


# --- Two reviewers, a stale form, a reviewer against an editor -----------------------------------


def test_two_reviewers_correcting_at_once_lose_nothing(article, editor, reviewers):
    """Both open the correction form, A saves, B saves: B gets 409 (A's correction stands), in
    each of 50 trials; the one Review row records the original as before and A's as after."""
    a, b = (client_for(r) for r in reviewers)
    lost = 0
    for _ in range(TRIALS):
        claim = new_claim(article, editor)
        va, vb = open_form(a, "correct", claim), open_form(b, "correct", claim)
        assert correct(a, claim, va, "the new library would open").status_code == 200
        refused = correct(b, claim, vb, "would open in June")
        assert refused.status_code == 409
        claim.refresh_from_db()
        lost += claim.quote != "the new library would open"
        (review,) = Review.objects.filter(annotation=claim)
        assert review.before["quote"] == "the new library would open in June"
    assert lost == 0


def test_a_refused_correction_comes_back_filled_to_reapply(article, editor, reviewers):
    """B's 409 is the correction form with B's words, the message and the new version:
    reapplying it saves B's correction over A's, and its Review row's before is A's after."""
    a, b = (client_for(r) for r in reviewers)
    claim = new_claim(article, editor)
    va, vb = open_form(a, "correct", claim), open_form(b, "correct", claim)
    correct(a, claim, va, "the new library would open")
    html = correct(b, claim, vb, "would open in June").content.decode()
    assert "Someone else changed this annotation" in html
    assert "Reapply my change" in html
    assert f'name="start" value="{BODY.index("would open in June")}"' in html
    new_version = version_in(html)
    assert new_version != vb
    assert correct(b, claim, new_version, "would open in June").status_code == 200
    claim.refresh_from_db()
    assert claim.quote == "would open in June"
    befores = [r.before["quote"] for r in Review.objects.filter(annotation=claim).order_by("pk")]
    assert befores == ["the new library would open in June", "the new library would open"]


def test_a_stale_correction_form_never_reverts_a_later_correction(article, editor, reviewers):
    """A form opened before someone else's correction, sent with the original words, is refused
    (it would silently revert theirs), in each of 50 trials."""
    a, b = (client_for(r) for r in reviewers)
    reverted = 0
    for _ in range(TRIALS):
        claim = new_claim(article, editor)
        stale = open_form(a, "correct", claim)
        assert (
            correct(b, claim, open_form(b, "correct", claim), "would open in June").status_code
            == 200
        )
        assert (
            correct(a, claim, stale, "the new library would open in June", tag="Quote").status_code
            == 409
        )
        claim.refresh_from_db()
        reverted += claim.quote != "would open in June"
    assert reverted == 0


def test_reviewer_against_editor_loses_nothing_either_way(article, editor, reviewers):
    """An editor's edit and a reviewer's correction opened at the same version: whichever is
    sent second gets 409 and the first stands, in each of 50 trials (alternating who goes
    first); the history says Corrected only when the annotation shows the correction."""
    ed, rev = client_for(editor), client_for(reviewers[0])
    lost = 0
    for trial in range(TRIALS):
        claim = new_claim(article, editor)
        ve, vr = open_form(ed, "edit", claim), open_form(rev, "correct", claim)
        note = f"checked {trial}"
        if trial % 2:
            assert edit(ed, claim, ve, note).status_code == 200
            assert correct(rev, claim, vr, "would open in June").status_code == 409
            claim.refresh_from_db()
            lost += claim.note != note or Review.objects.filter(annotation=claim).exists()
        else:
            assert correct(rev, claim, vr, "would open in June").status_code == 200
            assert edit(ed, claim, ve, note).status_code == 409
            claim.refresh_from_db()
            lost += claim.quote != "would open in June" or claim.note == note
            lost += claim.status != Annotation.Status.ACCEPTED
    assert lost == 0


def test_every_write_moves_the_version(article, editor, reviewers):
    """Edit, correct, accept, delete and restore each add one to the version."""
    claim = new_claim(article, editor)
    ed, rev = client_for(editor), client_for(reviewers[0])
    steps = [
        lambda v: edit(ed, claim, v, "a note"),
        lambda v: correct(rev, claim, v, "would open in June"),
        lambda v: ed.post(
            reverse("annotations:delete", args=[claim.pk]), {"version": v}, headers=HTMX
        ),
        lambda v: ed.post(
            reverse("annotations:restore", args=[claim.pk]), {"version": v}, headers=HTMX
        ),
        lambda v: rev.post(
            reverse("annotations:accept", args=[claim.pk]), {"version": v}, headers=HTMX
        ),
    ]
    for step in steps:
        before = Annotation.all_objects.get(pk=claim.pk).version
        assert step(str(before)).status_code == 200
        assert Annotation.all_objects.get(pk=claim.pk).version == before + 1


# --- Buttons that POST at once --------------------------------------------------------------------


def test_the_panel_items_buttons_carry_the_version(article, editor):
    """The Delete button of a panel item sends the version the item shows."""
    claim = new_claim(article, editor)
    claim.note = "seen"
    claim.save()
    html = client_for(editor).get(reverse("annotations:item", args=[claim.pk]), headers=HTMX)
    assert "hx-vals='{\"version\": 2}'" in html.content.decode()


def test_a_stale_delete_is_refused_with_the_item_as_it_is_now(article, editor, reviewers):
    """Deleting from an item drawn before a correction: 409, the span stays, and the answer is
    the item as it is now (the corrected words) with the message."""
    claim = new_claim(article, editor)
    old = str(claim.version)
    rev = client_for(reviewers[0])
    correct(rev, claim, open_form(rev, "correct", claim), "would open in June")
    response = client_for(editor).post(
        reverse("annotations:delete", args=[claim.pk]), {"version": old}, headers=HTMX
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "would open in June" in html and "Someone else changed this annotation" in html
    assert Annotation.objects.filter(pk=claim.pk).exists()


def test_a_stale_accept_is_refused(article, editor, reviewers):
    """Accepting an item drawn before the editor changed it is 409: the reviewer judged the
    old version."""
    claim = new_claim(article, editor)
    old = str(claim.version)
    edit(client_for(editor), claim, old, "now says more")
    response = client_for(reviewers[0]).post(
        reverse("annotations:accept", args=[claim.pk]), {"version": old}, headers=HTMX
    )
    assert response.status_code == 409
    claim.refresh_from_db()
    assert claim.status == Annotation.Status.PENDING


def test_a_stale_unlink_is_refused(article, editor):
    """Unlinking from an item drawn before the claim changed is 409 and the link stays."""
    claim = new_claim(article, editor)
    source = make_annotation(article, "Source", quote="The mayor", author=editor)
    link = Attribution.objects.create(claim=claim, source_span=source, author=editor)
    old = str(claim.version)
    edit(client_for(editor), claim, old, "changed")
    response = client_for(editor).post(
        reverse("annotations:unlink", args=[link.pk]), {"version": old}, headers=HTMX
    )
    assert response.status_code == 409
    assert Attribution.objects.filter(pk=link.pk).exists()


def test_a_stale_link_form_comes_back_filled(article, editor):
    """A Link form opened before the claim changed: 409, nothing linked, the form again with
    the source picked and the new version."""
    claim = new_claim(article, editor)
    source = make_annotation(article, "Source", quote="The mayor", author=editor)
    ed = client_for(editor)
    old = open_form(ed, "link", claim)
    edit(ed, claim, old, "changed")
    response = ed.post(
        reverse("annotations:link", args=[claim.pk]),
        {"source_span": source.pk, "version": old},
        headers=HTMX,
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Reapply my change" in html and version_in(html) == str(int(old) + 1)
    assert not Attribution.objects.exists()


def test_a_post_without_a_version_still_applies(article, editor):
    """A request with no version (a script) applies to the current version: the check is
    the form's, not a new required field."""
    claim = new_claim(article, editor)
    url = reverse("annotations:edit", args=[claim.pk])
    response = client_for(editor).post(
        url, {"tag": claim.tag_id, "note": "by script"}, headers=HTMX
    )
    assert response.status_code == 200


# --- Client ids, retags, notes, workflow ----------------------------------------------------------


def save(client: Client, article: Article, words: str, client_id: str, tag="Claim"):
    start = BODY.index(words)
    data = {
        "client_id": client_id,
        "target": "body",
        "caption": "",
        "start": start,
        "end": start + len(words),
        "quote": words,
        "tag": Tag.objects.get(name=tag).pk,
        "revision": article.revision,
    }
    return client.post(reverse("annotations:create", args=[article.pk]), data, headers=HTMX)


def test_a_replayed_client_id_with_other_words_is_409(article, editor):
    """The same save id sent again with other words is a conflict, and nothing is saved."""
    ed, cid = client_for(editor), str(uuid.uuid4())
    assert save(ed, article, "The mayor", cid).status_code == 201
    response = save(ed, article, "the new library", cid)
    assert response.status_code == 409
    assert "That save id was used for other words" in response.content.decode()
    assert Annotation.objects.count() == 1


def test_a_replayed_client_id_with_another_tag_is_409(article, editor):
    """Same words, another tag under the same save id: 409 too."""
    ed, cid = client_for(editor), str(uuid.uuid4())
    save(ed, article, "The mayor", cid, tag="Source")
    assert save(ed, article, "The mayor", cid, tag="Claim").status_code == 409


def test_a_replayed_client_id_with_the_same_payload_stays_idempotent(article, editor):
    """The same save twice: 200 with the original, one row."""
    ed, cid = client_for(editor), str(uuid.uuid4())
    save(ed, article, "The mayor", cid)
    assert save(ed, article, "The mayor", cid).status_code == 200
    assert Annotation.objects.count() == 1


def test_an_editor_cannot_retag_away_another_editors_attribution(article, editor):
    """Retagging one's own Source span that another editor's attribution cites is refused
    (409, naming the attribution); the tag and the attribution stay."""
    source = make_annotation(article, "Source", quote="The mayor", author=editor)
    other = make_user("olga", "editor")
    claim = make_annotation(
        article, "Claim", quote="the new library would open in June", author=other
    )
    Attribution.objects.create(claim=claim, source_span=source, author=other)
    response = edit(client_for(editor), source, str(source.version), "", tag="Quote")
    assert response.status_code == 409
    assert "olga" in response.content.decode()
    source.refresh_from_db()
    assert source.tag.name == "Source" and Attribution.objects.count() == 1


def test_an_editor_may_retag_a_span_in_their_own_attribution(article, editor):
    """The attribution is the editor's own: the retag goes through and drops it, as before."""
    source = make_annotation(article, "Source", quote="The mayor", author=editor)
    claim = new_claim(article, editor)
    Attribution.objects.create(claim=claim, source_span=source, author=editor)
    assert edit(client_for(editor), source, str(source.version), "", tag="Quote").status_code == 200
    assert not Attribution.objects.exists()


def test_an_over_long_note_is_a_clear_error_and_keeps_the_text(article, editor):
    """A note over the limit is refused with 422, the form keeps what was typed, nothing is
    saved."""
    claim = new_claim(article, editor)
    long = "x" * (NOTE_MAX_CHARS + 1)
    response = edit(client_for(editor), claim, str(claim.version), long)
    assert response.status_code == 422
    html = response.content.decode()
    assert f"at most {NOTE_MAX_CHARS:,}" in html or f"at most {NOTE_MAX_CHARS}" in html
    assert long in html
    claim.refresh_from_db()
    assert claim.note == ""


def test_a_workflow_step_on_a_moved_article_is_409_with_the_current_bar(article, editor, reviewers):
    """Two reviewers on a ready article: A approves, B (whose bar still says ready) sends it
    back: 409, and the bar B gets shows the article approved."""
    new_claim(article, editor)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.READY)
    a, b = (client_for(r) for r in reviewers)
    url = reverse("annotations:workflow", args=[article.pk, "approve"])
    assert a.post(url, {"confirm": "on"}, headers=HTMX).status_code == 200
    url = reverse("annotations:workflow", args=[article.pk, "send_back"])
    response = b.post(url, {"comment": "not yet"}, headers=HTMX)
    assert response.status_code == 409
    assert "Approved" in response.content.decode()


# --- Real concurrency ----------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two connections writing at once: PostgreSQL (the test SQLite is shared-cache memory)",
)
def test_two_reviewers_racing_on_two_connections_lose_nothing(article, editor, reviewers):
    """Two threads, each with its own database connection, send corrections opened at the same
    version at the same moment: exactly one is saved and one refused with 409, and the one
    Review row's before is the original, in each of 50 trials."""
    a, b = (client_for(r) for r in reviewers)
    lost = 0
    for _ in range(TRIALS):
        claim = new_claim(article, editor)
        version = str(claim.version)
        barrier = threading.Barrier(2)
        codes: dict[str, int] = {}

        def send(
            name: str,
            client: Client,
            words: str,
            claim=claim,
            barrier=barrier,
            codes=codes,
            version=version,
        ):
            try:
                barrier.wait(timeout=5)
                codes[name] = correct(client, claim, version, words).status_code
            finally:
                connections.close_all()

        threads = [
            threading.Thread(target=send, args=("a", a, "the new library would open")),
            threading.Thread(target=send, args=("b", b, "would open in June")),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=10)
        assert sorted(codes.values()) == [200, 409]
        winner = "the new library would open" if codes["a"] == 200 else "would open in June"
        claim.refresh_from_db()
        reviews = list(Review.objects.filter(annotation=claim))
        lost += claim.quote != winner or len(reviews) != 1
        assert reviews[0].before["quote"] == "the new library would open in June"
    assert lost == 0


def test_the_import_check_reports_an_over_long_note():
    """The import saver's field check refuses a note over the limit with the limit in the
    message (the model field's validator)."""
    from interchange.importing.saver.spans import ANNOTATION

    problem = ANNOTATION.problem("note", "x" * (NOTE_MAX_CHARS + 1))
    assert problem is not None and f"at most {NOTE_MAX_CHARS}" in problem
    assert ANNOTATION.problem("note", "x" * NOTE_MAX_CHARS) is None
