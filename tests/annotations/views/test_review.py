"""The review workflow (annotations.workflow and annotations.views.review): the article's status
steps (rules, service, the bar's endpoint), a
reviewer's accept / reject / correct of each annotation, the review lines editors see, and the
per-article review page."""

from __future__ import annotations

import html
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from annotations import workflow
from annotations.models import Annotation, ArticleReview, Attribution, Review, Tag
from articles.models import Article
from tests.factories import make_annotation, make_article, make_user

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
S = Article.Status
P0 = "The minister said on Tuesday that the bridge would open in spring."
P1 = "Engineers were less sure, according to a report seen by this newspaper."


@pytest.fixture
def editor():
    return make_user("ed", role="editor")


@pytest.fixture
def reviewer():
    return make_user("rev", role="reviewer")


@pytest.fixture
def article():
    return make_article(body=f"{P0}\n\n{P1}")


@pytest.fixture
def claim(article, editor):
    """A claim by `editor`; like a real first span, it moves the article into annotation."""
    annotation = make_annotation(article, "Claim", quote="the bridge would open", author=editor)
    Article.objects.filter(pk=article.pk).update(status=S.IN_ANNOTATION)
    article.refresh_from_db()
    return annotation


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def set_status(article: Article, status: str) -> None:
    Article.objects.filter(pk=article.pk).update(status=status)
    article.refresh_from_db()


def step(user, article: Article, name: str, comment: str | None = None, *, confirm: bool = False):
    data = {} if comment is None else {"comment": comment}
    if confirm:
        data["confirm"] = "on"
    url = reverse("annotations:workflow", args=[article.pk, name])
    return client_for(user).post(url, data, headers=HTMX)


def text_of(response) -> str:
    """The response as a reader sees it: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def status_of(article: Article) -> str:
    return Article.objects.values_list("status", flat=True).get(pk=article.pk)


# --- The rules, as plain Python ---------------------------------------------------------------

E, R = {workflow.EDITOR}, {workflow.REVIEWER}


@pytest.mark.parametrize("start", [S.IN_ANNOTATION, S.SENT_BACK])
def test_rule_editor_marks_in_annotation_or_sent_back_article_ready(start):
    """An editor who annotated the article may mark it ready from in annotation or sent back."""
    assert workflow.check("mark_ready", start, roles=E, annotated=True).target == S.READY


@pytest.mark.parametrize("start", [S.NEW, S.READY, S.APPROVED])
def test_rule_mark_ready_refused_from_other_statuses(start):
    """Mark ready is refused from new, ready and approved, with a message naming the status."""
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.check("mark_ready", start, roles=E, annotated=True)
    assert refused.value.code == "status"
    assert dict(S.choices)[start] in refused.value.message


def test_rule_mark_ready_needs_the_editors_own_annotations():
    """An editor who has not annotated the article may not vouch for it."""
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.check("mark_ready", S.IN_ANNOTATION, roles=E, annotated=False)
    assert refused.value.code == "annotations"


@pytest.mark.parametrize(
    ("name", "roles"),
    [("mark_ready", R), ("approve", E), ("send_back", E), ("approve", set())],
)
def test_rule_steps_belong_to_a_role(name, roles):
    """Reviewers cannot mark ready; editors (and users with no role) cannot approve or send
    back: refused as forbidden whatever the status."""
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.check(name, S.READY, roles=roles, annotated=True, comment="x")
    assert refused.value.code == "forbidden"


@pytest.mark.parametrize("name", ["approve", "send_back"])
@pytest.mark.parametrize("start", [S.NEW, S.IN_ANNOTATION, S.SENT_BACK, S.APPROVED])
def test_rule_review_steps_only_from_ready(name, start):
    """Approve and send back are only possible from ready for review."""
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.check(name, start, roles=R, annotated=True, comment="x")
    assert refused.value.code == "status"


@pytest.mark.parametrize("comment", ["", "   \n "])
def test_rule_send_back_needs_a_comment(comment):
    """Sending back without a comment (or with only spaces) is refused."""
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.check("send_back", S.READY, roles=R, annotated=False, comment=comment)
    assert refused.value.code == "comment"


def test_rule_available_steps_per_role():
    """What each role is offered: editors mark ready, reviewers approve or send back, admins
    (both roles) whatever the status allows."""
    names = lambda steps: [s.name for s in steps]  # noqa: E731
    both = E | R
    assert names(workflow.available(S.IN_ANNOTATION, roles=E, annotated=True)) == ["mark_ready"]
    assert names(workflow.available(S.READY, roles=E, annotated=True)) == []
    assert names(workflow.available(S.READY, roles=R, annotated=False)) == ["approve", "send_back"]
    assert names(workflow.available(S.APPROVED, roles=both, annotated=True)) == ["reopen"]
    assert names(workflow.available(S.APPROVED, roles=E, annotated=True)) == []
    assert names(workflow.available(S.SENT_BACK, roles=both, annotated=True)) == ["mark_ready"]


# --- The service ----------------------------------------------------------------------------------


def test_transition_writes_status_and_article_review_row(article, claim, editor):
    """A step writes the new status and an ArticleReview row (who, from, to)."""
    record = workflow.transition(article, "mark_ready", editor, roles=E)
    assert status_of(article) == article.status == S.READY
    assert (record.user, record.from_status, record.to_status) == (editor, S.IN_ANNOTATION, S.READY)
    assert list(ArticleReview.objects.all()) == [record]


def test_transition_checks_the_status_in_the_database(article, claim, reviewer):
    """A page that still shows "ready" cannot approve an article someone else already sent
    back: the status is read again in the transaction, and nothing is written."""
    set_status(article, S.READY)
    workflow.transition(article, "send_back", reviewer, roles=R, comment="Check the sources.")
    article.status = S.READY  # a stale copy
    with pytest.raises(workflow.TransitionRefused):
        workflow.transition(article, "approve", reviewer, roles=R)
    assert status_of(article) == S.SENT_BACK
    assert ArticleReview.objects.count() == 1


# --- The workflow endpoint ------------------------------------------------------------------------


def test_editor_marks_article_ready(article, claim, editor):
    """An editor who annotated the article marks it ready: the bar comes back saying so, with no
    step left for them, and an ArticleReview row is written."""
    response = step(editor, article, "mark_ready")
    assert response.status_code == 200
    assert status_of(article) == S.READY
    row = ArticleReview.objects.get()
    assert (row.user, row.from_status, row.to_status) == (editor, S.IN_ANNOTATION, S.READY)
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="workflow"')
    assert "Marked ready by ed" in text_of(response)
    assert "Mark ready for review</button>" not in body


def test_editor_without_annotations_on_the_article_cannot_mark_it_ready(article, claim):
    """Another editor, with no annotations on it, is refused (422) and nothing changes."""
    response = step(make_user(role="editor2"), article, "mark_ready")
    assert response.status_code == 422
    assert "Only an editor who has annotated this article" in text_of(response)
    assert status_of(article) == S.IN_ANNOTATION
    assert not ArticleReview.objects.exists()


def test_new_article_cannot_be_marked_ready(article, editor):
    """An article with no annotations (still new) cannot be marked ready."""
    response = step(editor, article, "mark_ready")
    assert response.status_code == 409
    assert status_of(article) == S.NEW
    assert not ArticleReview.objects.exists()


def test_reviewer_approves_ready_article(article, claim, reviewer):
    """A reviewer approves an article that is ready, with nothing pending: status approved, a
    row written, no confirmation asked."""
    set_status(article, S.READY)
    Annotation.objects.filter(pk=claim.pk).update(status=Annotation.Status.ACCEPTED)
    response = step(reviewer, article, "approve")
    assert response.status_code == 200
    assert status_of(article) == S.APPROVED
    row = ArticleReview.objects.get()
    assert (row.user, row.from_status, row.to_status) == (reviewer, S.READY, S.APPROVED)
    assert "Approved by rev" in text_of(response)


def test_reviewer_sends_back_with_comment(article, claim, reviewer):
    """Sending back stores the comment on the row, and the bar shows it with who sent it."""
    set_status(article, S.READY)
    response = step(reviewer, article, "send_back", "  The cue in paragraph 2 is missing.  ")
    assert response.status_code == 200
    assert status_of(article) == S.SENT_BACK
    row = ArticleReview.objects.get()
    assert (row.from_status, row.to_status, row.comment) == (
        S.READY,
        S.SENT_BACK,
        "The cue in paragraph 2 is missing.",
    )
    assert "Sent back by rev" in text_of(response)
    assert "The cue in paragraph 2 is missing." in text_of(response)


@pytest.mark.parametrize("comment", [None, "", "   "])
def test_send_back_without_comment_is_refused(article, claim, reviewer, comment):
    """Send back with no comment: 422 with the reason, the form open again, nothing written."""
    set_status(article, S.READY)
    response = step(reviewer, article, "send_back", comment)
    assert response.status_code == 422
    assert "a comment for the editors is required" in text_of(response)
    assert '<details class="wf-sendback" open>' in response.content.decode()
    assert status_of(article) == S.READY
    assert not ArticleReview.objects.exists()


@pytest.mark.parametrize("name", ["approve", "send_back"])
def test_editor_cannot_approve_or_send_back(article, claim, editor, name):
    """Editors get 403 on the reviewers' steps, and nothing changes."""
    set_status(article, S.READY)
    response = step(editor, article, name, "comment")
    assert response.status_code == 403
    assert status_of(article) == S.READY
    assert not ArticleReview.objects.exists()


def test_reviewer_cannot_mark_ready(article, claim, reviewer):
    """Reviewers get 403 on the editors' step."""
    response = step(reviewer, article, "mark_ready")
    assert response.status_code == 403
    assert status_of(article) == S.IN_ANNOTATION


@pytest.mark.parametrize("start", [S.IN_ANNOTATION, S.SENT_BACK, S.APPROVED])
def test_approve_from_wrong_status_is_refused_with_409(article, claim, reviewer, start):
    """Approving an article that is not ready is a conflict (409) that says where it is."""
    set_status(article, start)
    response = step(reviewer, article, "approve")
    assert response.status_code == 409
    message = text_of(response).split("Review page", 1)[1]
    assert f"“{dict(S.choices)[start]}”" in message
    assert status_of(article) == start


def test_editor_marks_sent_back_article_ready_again(article, claim, editor, reviewer):
    """The full loop: ready, sent back with a comment, ready again; three rows in order."""
    step(editor, article, "mark_ready")
    step(reviewer, article, "send_back", "Tag the cue.")
    response = step(editor, article, "mark_ready")
    assert response.status_code == 200
    assert status_of(article) == S.READY
    steps = list(ArticleReview.objects.order_by("id").values_list("from_status", "to_status"))
    assert steps == [
        (S.IN_ANNOTATION, S.READY),
        (S.READY, S.SENT_BACK),
        (S.SENT_BACK, S.READY),
    ]


def test_unknown_step_is_404(article, claim, editor):
    """A step name the workflow does not know is 404."""
    assert step(editor, article, "publish").status_code == 404


def test_admin_can_take_every_step(article, claim):
    """An admin (superuser) may mark ready and approve."""
    admin = make_user(role="admin")
    assert step(admin, article, "mark_ready").status_code == 200
    assert step(admin, article, "approve", confirm=True).status_code == 200
    assert status_of(article) == S.APPROVED


def test_anonymous_workflow_post_changes_nothing(article, claim):
    """Without a session the step is not taken (redirect to the login page)."""
    url = reverse("annotations:workflow", args=[article.pk, "mark_ready"])
    response = Client().post(url)
    assert response.status_code == 302
    assert status_of(article) == S.IN_ANNOTATION


def test_workflow_post_without_csrf_token_is_refused(article, claim, editor):
    """The step needs the CSRF token like every other POST."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(reverse("annotations:workflow", args=[article.pk, "mark_ready"]))
    assert response.status_code == 403
    assert status_of(article) == S.IN_ANNOTATION


# --- The bar on the article page ------------------------------------------------------------------


def page(user, article: Article) -> str:
    response = client_for(user).get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def workflow_bar(page_html: str) -> str:
    found = re.search(r'<section id="workflow".*?</section>', page_html, re.S)
    assert found, "the page has no workflow bar"
    return found.group(0)


def test_page_offers_editor_mark_ready(article, claim, editor):
    """Under the title, the editor sees the status and a Mark ready button posting by htmx."""
    bar = workflow_bar(page(editor, article))
    assert '<span class="badge status-in_annotation">In annotation</span>' in bar
    url = reverse("annotations:workflow", args=[article.pk, "mark_ready"])
    assert f'hx-post="{url}" hx-target="#workflow" hx-swap="outerHTML"' in bar
    assert "Approve" not in bar


def test_page_offers_reviewer_approve_and_send_back_with_required_comment(article, claim, reviewer):
    """A reviewer on a ready article sees Approve and a Send back form whose comment is
    required, plus a link to the review page."""
    set_status(article, S.READY)
    bar = workflow_bar(page(reviewer, article))
    assert ">Approve</button>" in bar
    assert "<summary>Send back…</summary>" in bar
    assert re.search(r'<textarea id="wf-comment" name="comment"[^>]*required', bar)
    assert reverse("annotations:review_page", args=[article.pk]) in bar
    assert "Mark ready" not in bar


def test_editor_sees_who_sent_the_article_back_and_why(article, claim, editor, reviewer):
    """After a send back, the editor's bar shows who, when, the comment, and Mark ready."""
    set_status(article, S.READY)
    step(reviewer, article, "send_back", "Please tag <the> cue.")
    bar = workflow_bar(page(editor, article))
    assert "Sent back by <strong>rev</strong>" in bar
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT', bar)
    assert "Please tag &lt;the&gt; cue." in bar
    assert "Mark ready for review</button>" in bar


# --- Reviewing annotations inline --------------------------------------------------------------


def review(user, annotation: Annotation, action: str, data: dict | None = None, *, on=""):
    url = reverse(f"annotations:{action}", args=[annotation.pk]) + on
    client = client_for(user)
    if data is None and action != "accept":
        return client.get(url, headers=HTMX)
    return client.post(url, data or {}, headers=HTMX)


def test_accept_sets_status_and_writes_review(claim, reviewer):
    """Accept: the annotation is accepted, a Review row says so, and the item comes back."""
    response = review(reviewer, claim, "accept")
    assert response.status_code == 200
    claim.refresh_from_db()
    assert claim.status == Annotation.Status.ACCEPTED
    row = Review.objects.get()
    assert (row.annotation, row.reviewer, row.action) == (claim, reviewer, "accept")
    body = response.content.decode()
    assert body.startswith(f'<li id="ann-{claim.pk}" class="ann"')
    assert "Accepted by <strong>rev</strong>" in body


def test_reject_form_asks_for_a_required_reason(claim, reviewer):
    """Reject… swaps the item for an inline form with a required reason."""
    response = review(reviewer, claim, "reject")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<li id="ann-{claim.pk}" class="ann editing">' in body
    assert re.search(r'<textarea name="reason"[^>]*required', body)


@pytest.mark.parametrize("reason", ["", "   "])
def test_reject_needs_a_reason(claim, reviewer, reason):
    """Reject without a reason: 422 with the form and the message; nothing written."""
    response = review(reviewer, claim, "reject", {"reason": reason})
    assert response.status_code == 422
    assert "Say why the annotation is rejected." in text_of(response)
    claim.refresh_from_db()
    assert claim.status == Annotation.Status.PENDING
    assert not Review.objects.exists()


def test_reject_with_reason(claim, reviewer):
    """Reject with a reason: status rejected, the reason on the Review row and the item."""
    response = review(reviewer, claim, "reject", {"reason": "This is a prediction, not a claim."})
    assert response.status_code == 200
    claim.refresh_from_db()
    assert claim.status == Annotation.Status.REJECTED
    row = Review.objects.get()
    assert (row.action, row.reason) == ("reject", "This is a prediction, not a claim.")
    assert "Rejected by <strong>rev</strong>: This is a prediction, not a claim." in (
        response.content.decode()
    )


def test_correct_form_offers_tag_offsets_and_text(claim, reviewer):
    """Correct… swaps in a form with the tags, the current offsets as hidden fields (never
    typed), the text around the span to select in, and the annotation's text for the preview."""
    body = review(reviewer, claim, "correct").content.decode()
    assert f'<input type="hidden" name="start" value="{claim.start}">' in body
    assert f'<input type="hidden" name="end" value="{claim.end}">' in body
    assert 'type="number"' not in body
    assert (
        f'<mark class="cx cx-current" data-o="{claim.start}">the bridge would open</mark>' in body
    )
    assert f'<option value="{claim.tag_id}" selected>Claim</option>' in body
    assert f'data-text="{html.escape(claim.article.body, quote=True)}"' in body
    assert '<q class="preview-text">the bridge would open</q>' in body


def test_correct_tag_keeps_what_it_was(claim, reviewer):
    """Correcting the tag: the annotation becomes accepted with the new tag; the Review row
    keeps the old tag, span, quote and note, and the reason."""
    Annotation.objects.filter(pk=claim.pk).update(note="<b>check</b>")
    quote_tag = Tag.objects.get(name="Quote")
    response = review(
        reviewer,
        claim,
        "correct",
        {"tag": quote_tag.pk, "start": claim.start, "end": claim.end, "reason": "Verbatim."},
    )
    assert response.status_code == 200
    claim.refresh_from_db()
    assert (claim.tag, claim.status) == (quote_tag, Annotation.Status.ACCEPTED)
    row = Review.objects.get()
    assert row.action == "correct" and row.reason == "Verbatim."
    assert row.before == {
        "tag": "Claim",
        "tag_id": Tag.objects.get(name="Claim").pk,
        "start": 34,
        "end": 55,
        "quote": "the bridge would open",
        "note": "<b>check</b>",
    }
    assert (
        "Corrected by <strong>rev</strong>: "
        'was <span class="was">Claim “the bridge would open”</span>; Verbatim.'
    ) in response.content.decode()


def test_correct_span_recomputes_quote_and_returns_paragraph(article, claim, reviewer):
    """Correcting the offsets re-cuts the quote and its context from the server's text, and
    the paragraph comes back with the moved highlight."""
    response = review(
        reviewer,
        claim,
        "correct",
        {"tag": claim.tag_id, "start": 34, "end": 65, "reason": "Include when."},
    )
    assert response.status_code == 200
    claim.refresh_from_db()
    assert (claim.start, claim.end) == (34, 65)
    assert claim.quote == "the bridge would open in spring" == article.body[34:65]
    assert claim.prefix == article.body[2:34] and claim.suffix == article.body[65:97]
    assert 'hx-target="#t-body-p0"' in response.content.decode()
    assert f'data-ann="{claim.pk}" title="Claim">the bridge would open in spring</mark>' in (
        response.content.decode()
    )


def test_correct_with_the_selected_quote_checks_it(claim, reviewer):
    """When the browser sends the words it selected, they must be what the offsets cut out."""
    ok = {"tag": claim.tag_id, "start": 34, "end": 44, "quote": "the bridge", "reason": "Shorter."}
    assert review(reviewer, claim, "correct", ok).status_code == 200
    claim.refresh_from_db()
    assert claim.quote == "the bridge"


BAD_SPANS = [
    ({"start": 34, "end": 500}, "lies outside the text"),
    ({"start": 40, "end": 40}, "start must come before end"),
    ({"start": 50, "end": 44}, "start must come before end"),
    ({"start": -1, "end": 44}, "greater than or equal to 0"),
    ({"start": 34, "end": 44, "quote": "the brodge"}, "does not match the article"),
    ({"start": "x", "end": 44}, "Enter a whole number"),
]


@pytest.mark.parametrize(("span", "message"), BAD_SPANS, ids=[m for _, m in BAD_SPANS])
def test_correct_with_bad_span_is_422_and_changes_nothing(claim, reviewer, span, message):
    """A corrected span that does not fit the text is refused with 422 and the form (saying
    why); the annotation and the reviews are as before."""
    before = Annotation.objects.values().get(pk=claim.pk)
    data = {"tag": Tag.objects.get(name="Quote").pk, "reason": "Moved.", **span}
    response = review(reviewer, claim, "correct", data)
    assert response.status_code == 422
    assert message in text_of(response)
    assert 'class="review-form correct-form"' in response.content.decode()
    assert Annotation.objects.values().get(pk=claim.pk) == before
    assert not Review.objects.exists()


def test_correct_that_changes_nothing_is_refused(claim, reviewer):
    """A correction with the same tag and span is refused (use Accept)."""
    data = {"tag": claim.tag_id, "start": claim.start, "end": claim.end, "reason": "Same."}
    response = review(reviewer, claim, "correct", data)
    assert response.status_code == 422
    assert "Nothing to correct" in text_of(response)
    assert not Review.objects.exists()


def test_correct_needs_a_reason(claim, reviewer):
    """A correction without a reason is refused."""
    data = {"tag": claim.tag_id, "start": 34, "end": 65, "reason": ""}
    assert review(reviewer, claim, "correct", data).status_code == 422
    claim.refresh_from_db()
    assert (claim.end, claim.status) == (55, Annotation.Status.PENDING)


def test_correct_claim_to_cue_drops_its_attributions(article, claim, reviewer, editor):
    """Like an edit, a correction to a tag whose role no longer fits drops its links."""
    source = make_annotation(article, "Source", quote="The minister", author=editor)
    Attribution.objects.create(claim=claim, source_span=source, author=editor)
    data = {"tag": Tag.objects.get(name="Cue").pk, "start": 34, "end": 55, "reason": "Cue."}
    assert review(reviewer, claim, "correct", data).status_code == 200
    assert not Attribution.objects.exists()


REVIEW_REQUESTS = [
    ("accept", "post"),
    ("reject", "get"),
    ("reject", "post"),
    ("correct", "get"),
    ("correct", "post"),
]


@pytest.mark.parametrize(("action", "method"), REVIEW_REQUESTS)
def test_editors_cannot_review(claim, editor, action, method):
    """Editors, the author included, get 403 on every review endpoint; nothing is written."""
    url = reverse(f"annotations:{action}", args=[claim.pk])
    data = {"reason": "x", "tag": claim.tag_id, "start": 34, "end": 65}
    client = client_for(editor)
    response = client.post(url, data, headers=HTMX) if method == "post" else client.get(url)
    assert response.status_code == 403
    claim.refresh_from_db()
    assert (claim.status, claim.end) == (Annotation.Status.PENDING, 55)
    assert not Review.objects.exists()


def test_review_of_deleted_annotation_is_404(claim, reviewer):
    """A deleted annotation cannot be reviewed."""
    claim.mark_deleted()
    assert review(reviewer, claim, "accept").status_code == 404


# --- What editors see ---------------------------------------------------------------------------


def test_editor_sees_the_review_lines_on_their_items(article, claim, editor, reviewer):
    """On the article page, each reviewed item says what was decided, by whom and why."""
    source = make_annotation(article, "Source", quote="The minister", author=editor)
    cue = make_annotation(article, "Cue", quote="said", author=editor)
    review(reviewer, claim, "reject", {"reason": "A forecast."})
    review(reviewer, source, "accept")
    data = {"tag": Tag.objects.get(name="Quote").pk, "start": 13, "end": 17, "reason": "Verb."}
    review(reviewer, cue, "correct", data)
    html_ = page(editor, article)
    items = {
        a.pk: re.search(rf'<li id="ann-{a.pk}".*?</li>', html_, re.S).group(0)
        for a in (claim, source, cue)
    }
    assert (
        '<p class="review review-reject">Rejected by <strong>rev</strong>: A forecast.</p>'
        in (items[claim.pk])
    )
    assert 'data-status="rejected"' in items[claim.pk]
    assert (
        '<p class="review review-accept">Accepted by <strong>rev</strong></p>' in items[source.pk]
    )
    assert (
        '<p class="review review-correct">Corrected by <strong>rev</strong>: '
        'was <span class="was">Cue “said”</span>; Verb.</p>'
    ) in items[cue.pk]
    # Editors get no review controls.
    assert reverse("annotations:accept", args=[claim.pk]) not in html_


def test_the_latest_review_is_the_one_shown(claim, editor, reviewer):
    """Rejected, then accepted: the item says accepted."""
    review(reviewer, claim, "reject", {"reason": "Not a claim."})
    review(reviewer, claim, "accept")
    html_ = page(editor, claim.article)
    assert "Accepted by <strong>rev</strong>" in html_
    assert "Not a claim." not in html_


def test_reviewer_gets_inline_review_controls(claim, reviewer):
    """A reviewer's panel items carry Accept, Reject… and Correct…."""
    html_ = page(reviewer, claim.article)
    url = reverse("annotations:item", args=[claim.pk])
    assert f'hx-post="{url}accept/" hx-target="#ann-{claim.pk}"' in html_
    assert f'hx-get="{url}reject/"' in html_
    assert f'hx-get="{url}correct/"' in html_


def make_reviewed(article: Article, authors, reviewer, n: int) -> None:
    """n annotations over the body by `authors` in turn, every other one reviewed twice."""
    claim = Tag.objects.get(name="Claim")
    for i in range(n):
        start = (i * 3) % 60
        a = make_annotation(article, claim.name, start, start + 4, author=authors[i % len(authors)])
        if i % 2:
            workflow.review_annotation(a, reviewer, "reject", reason=f"r{i}")
            workflow.review_annotation(a, reviewer, "accept")


def count_queries(client: Client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_article_page_query_count_does_not_grow_with_reviews(editor, reviewer):
    """The article page loads every item's latest review in one query: as many queries with
    40 reviewed annotations as with 4."""
    counts = []
    for n in (4, 40):
        article = make_article(body=f"{P0}\n\n{P1}")
        make_reviewed(article, [editor], reviewer, n)
        queries, html_ = count_queries(client_for(editor), article.get_absolute_url())
        assert html_.count("Accepted by <strong>rev</strong>") == n // 2
        counts.append(queries)
    assert counts[0] == counts[1]


# --- The review page -----------------------------------------------------------------------------


@pytest.fixture
def two_editors_article(editor, reviewer):
    article = make_article(body=f"{P0}\n\n{P1}")
    other = make_user("ed2", role="editor2")
    make_reviewed(article, [editor, other], reviewer, 6)
    return article


def review_url(article: Article, query: str = "") -> str:
    return reverse("annotations:review_page", args=[article.pk]) + query


@pytest.mark.parametrize(("role", "status"), [("reviewer", 200), ("admin", 200), ("editor", 403)])
def test_review_page_is_for_reviewers_and_admins(article, role, status):
    """Reviewers and admins open the review page; editors get 403."""
    assert client_for(make_user(role=role)).get(review_url(article)).status_code == status


def test_review_page_controls_answer_with_a_row_and_counts(two_editors_article, reviewer):
    """On the review page, a reject answers with the table row (not a panel item) and the new
    status counts."""
    pending = Annotation.objects.filter(article=two_editors_article, status="pending").first()
    response = review(reviewer, pending, "reject", {"reason": "No."}, on="?on=review")
    body = response.content.decode()
    assert response.status_code == 200
    assert body.startswith(f'<tr id="row-{pending.pk}" data-status="rejected">')
    assert '<hx-partial hx-target="#review-counts" hx-swap="outerHTML">' in body
    assert '<span class="st st-pending">2 pending</span>' in body
    form = review(reviewer, pending, "correct", on="?on=review").content.decode()
    assert f'<tr id="row-{pending.pk}" class="editing"><td colspan="7">' in form
    assert f'hx-post="/annotations/{pending.pk}/correct/?on=review"' in form
    cancel = client_for(reviewer).get(f"/annotations/{pending.pk}/?on=review", headers=HTMX)
    assert cancel.content.decode().startswith(f'<tr id="row-{pending.pk}"')


def test_editor_changing_a_reviewed_annotation_sends_it_back_to_pending(client):
    """An accepted annotation its editor then re-tags goes back to pending review; saving it
    unchanged keeps the reviewer's decision."""
    from annotations.models import Annotation
    from tests.factories import make_annotation, make_article, make_user

    editor = make_user(role="editor")
    article = make_article()
    annotation = make_annotation(article, "Claim", quote="the bridge would open", author=editor)
    Annotation.objects.filter(pk=annotation.pk).update(status=Annotation.Status.ACCEPTED)
    client.force_login(editor)
    url = f"/annotations/{annotation.pk}/edit/"
    client.post(url, {"tag": annotation.tag_id, "note": ""}, headers={"HX-Request": "true"})
    annotation.refresh_from_db()
    assert annotation.status == Annotation.Status.ACCEPTED
    quote_tag = annotation.tag.__class__.objects.get(name="Quote")
    client.post(url, {"tag": quote_tag.pk, "note": ""}, headers={"HX-Request": "true"})
    annotation.refresh_from_db()
    assert (annotation.tag, annotation.status) == (quote_tag, Annotation.Status.PENDING)
