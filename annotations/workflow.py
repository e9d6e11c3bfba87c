"""The review workflow: an article's status, and a reviewer's decision on each annotation.

Article:  new → in annotation (the first span, services.create_annotation)
              → ready for review (an editor who annotated it) → approved (a reviewer)
                                                             → sent back, with a comment (a reviewer)
          sent back → ready for review again (an editor).
          approved → ready for review again (a reviewer reopens it: see "reopen" below).

Approving while annotations or suggestions are still pending needs the reviewer's explicit
confirmation (`NeedsConfirmation` says how many). An approved article is locked: nobody changes
its spans or links until a reviewer reopens it (`LOCKED`, `ensure_editable`).

The rules (`TRANSITIONS`, `check`, `available`) are plain Python: no ORM, no request; the views
map a refusal's `code` to an HTTP status. `transition` is the one write of an article step: the
status and its ArticleReview row, in one transaction, refused if the status moved meanwhile.
`review_annotation` writes a reviewer's Review of one annotation and the annotation's new state.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from articles.models import Article

from . import anchoring
from .models import Annotation, ArticleReview, Review, Tag

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

Status = Article.Status
STATUS_LABELS = dict(Status.choices)

# Who may take a step. A user's roles come from their permissions (see `roles_for`): admins have
# both.
EDITOR = "editor"
REVIEWER = "reviewer"


@dataclass(frozen=True, slots=True)
class Transition:
    name: str
    label: str  # what the button says
    sources: frozenset[str]
    target: str
    role: str
    needs_comment: bool = False

    @property
    def verb(self) -> str:
        """What the step did, for the history line: "Sent back by …"."""
        return PAST[self.name]


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition(
            "mark_ready",
            "Mark ready for review",
            frozenset({Status.IN_ANNOTATION, Status.SENT_BACK}),
            Status.READY,
            EDITOR,
        ),
        Transition("approve", "Approve", frozenset({Status.READY}), Status.APPROVED, REVIEWER),
        Transition(
            "send_back",
            "Send back",
            frozenset({Status.READY}),
            Status.SENT_BACK,
            REVIEWER,
            needs_comment=True,
        ),
        # Reopening goes back to "ready for review", not to "in annotation": the reviewer who
        # reopens is the one with something to look at again, and from there they approve
        # again or send it back with a comment saying what the editors should change. The
        # approval stays in the history (its ArticleReview row); reopening adds one.
        Transition("reopen", "Reopen", frozenset({Status.APPROVED}), Status.READY, REVIEWER),
    )
}
PAST = {
    "mark_ready": "Marked ready",
    "approve": "Approved",
    "send_back": "Sent back",
    "reopen": "Reopened",
}


def verb_for(from_status: str, to_status: str) -> str:
    """What the recorded step from `from_status` to `to_status` was, for the history line:
    "Marked ready", "Reopened"… Two steps lead to "ready" (mark ready, reopen), so the
    target alone cannot say which; their sources never overlap."""
    for step in TRANSITIONS.values():
        if step.target == to_status and from_status in step.sources:
            return step.verb
    return ""


class TransitionRefused(Exception):
    """A step that may not be taken. `code`: unknown, forbidden, status, annotations, comment,
    confirm."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class NeedsConfirmation(TransitionRefused):
    """Approving while work is still pending: not refused outright, but only taken when the
    reviewer confirms having seen how much (the issue: 45 of 49 pending, approved unawares)."""

    def __init__(self, annotations: int, suggestions: int) -> None:
        self.annotations = annotations
        self.suggestions = suggestions
        super().__init__("confirm", pending_message(annotations, suggestions))


def pending_message(annotations: int, suggestions: int) -> str:
    """ "45 annotations and 3 suggestions are still pending"."""
    a = f"{annotations} annotation{'' if annotations == 1 else 's'}"
    s = f"{suggestions} suggestion{'' if suggestions == 1 else 's'}"
    return f"{a} and {s} are still pending"


def pending_work(article_id: int) -> tuple[int, int]:
    """(live annotations pending review, suggestions nobody has accepted or rejected yet).

    Suggestion is looked up through the app registry, not imported: `suggestions` depends on
    `annotations` (its models import ours, and it comes after us in INSTALLED_APPS), so a
    module-level import here would tie the dependency both ways. Without the app installed
    there are no suggestions to count."""
    annotations = Annotation.objects.filter(
        article_id=article_id, status=Annotation.Status.PENDING
    ).count()
    try:
        suggestion = apps.get_model("suggestions", "Suggestion")
    except LookupError:
        return annotations, 0
    # The registry hands back a plain Model class: its Status choices are not visible to the
    # type checker, so the stored value is written out (Suggestion.Status.PENDING).
    pending = suggestion._default_manager.filter(article_id=article_id, status="pending")
    return annotations, pending.count()


# --- The lock on approved articles ------------------------------------------------------------

# While an article is approved, its spans, links and registry resolutions are what was approved:
# nobody changes them (reviewers and admins included) until a reviewer reopens it, so the
# history always says when the approved version stopped being the approved one. Accepting or
# rejecting an annotation stays possible: a decision about a span, not a change to it.
LOCKED = frozenset({Status.APPROVED})


class ArticleLocked(Exception):
    """A change to an approved article. Views answer 409 Conflict: the request is well formed
    and allowed for the user's role, but conflicts with the article's current state; reopening
    it (a state change, not a permission) resolves it — which 403 would not say."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def is_locked(status: str) -> bool:
    return status in LOCKED


def ensure_editable(status: str, roles: Collection[str] = ()) -> None:
    """ArticleLocked unless an article in `status` may have its spans and links changed; the
    message tells a reviewer to reopen it, anyone else to ask a reviewer."""
    if not is_locked(status):
        return
    if REVIEWER in roles:
        raise ArticleLocked("This article is approved: reopen it before changing it.")
    raise ArticleLocked("This article is approved; ask a reviewer to reopen it.")


def check(
    name: str, status: str, *, roles: Collection[str], annotated: bool, comment: str = ""
) -> Transition:
    """The transition `name` from `status` for a user with `roles`, or TransitionRefused.

    `annotated`: the user has annotations on the article (an editor may only vouch for an
    article they worked on; for a user who may change anyone's annotations, that it has any)."""
    step = TRANSITIONS.get(name)
    if step is None:
        raise TransitionRefused("unknown", f"There is no workflow step called “{name}”.")
    if step.role not in roles:
        who = "editors" if step.role == EDITOR else "reviewers"
        raise TransitionRefused(
            "forbidden", f"Only {who} can {step.label[0].lower() + step.label[1:]}."
        )
    if status not in step.sources:
        raise TransitionRefused("status", status_message(step, status))
    if step.name == "mark_ready" and not annotated:
        raise TransitionRefused(
            "annotations",
            "Only an editor who has annotated this article can mark it ready for review.",
        )
    if step.needs_comment and not comment.strip():
        raise TransitionRefused(
            "comment", "Say what needs fixing: a comment for the editors is required."
        )
    return step


def status_message(step: Transition, status: str) -> str:
    current = STATUS_LABELS.get(status, status)
    if status == step.target:
        return f"This article is already “{current}”."
    allowed = " or ".join(f"“{STATUS_LABELS[s]}”" for s in sorted(step.sources))
    return (
        f"“{step.label}” is only possible when the article is {allowed}; "
        f"it is “{current}” now. Reload the page to see its current state."
    )


def available(status: str, *, roles: Collection[str], annotated: bool) -> list[Transition]:
    """The steps a user could take now (a comment, where needed, is asked for by the form)."""
    out = []
    for step in TRANSITIONS.values():
        try:
            check(step.name, status, roles=roles, annotated=annotated, comment="-")
        except TransitionRefused:
            continue
        out.append(step)
    return out


def ready_queue(*, exclude: int | None = None) -> QuerySet[Article]:
    """Articles ready for review, the longest-waiting first: by the step that made them ready
    (an article made ready without one, e.g. by an import, by its last change), then by id."""
    marked = (
        ArticleReview.objects.filter(article=OuterRef("pk"), to_status=Status.READY)
        .order_by("-created")
        .values("created")[:1]
    )
    queue = Article.objects.filter(status=Status.READY).annotate(
        ready_since=Coalesce(Subquery(marked), F("updated"))
    )
    if exclude is not None:
        queue = queue.exclude(pk=exclude)
    return queue.order_by("ready_since", "pk")


def roles_for(user: User | AnonymousUser) -> set[str]:
    """Workflow roles from permissions: recording a step needs add_articlereview; editors are
    those who may annotate, reviewers those who may review annotations."""
    if not user.has_perm("annotations.add_articlereview"):
        return set()
    roles = set()
    if user.has_perm("annotations.add_annotation"):
        roles.add(EDITOR)
    if user.has_perm("annotations.add_review"):
        roles.add(REVIEWER)
    return roles


def has_annotated(article_id: int, user: User | AnonymousUser) -> bool:
    live = Annotation.objects.filter(article_id=article_id)
    if user.has_perm("annotations.change_any_annotation"):
        return live.exists()
    return live.filter(author_id=user.pk).exists()


def transition(
    article: Article,
    name: str,
    user: User,
    *,
    roles: Collection[str],
    comment: str = "",
    confirmed: bool = False,
) -> ArticleReview:
    """Take a workflow step: write the article's new status and its ArticleReview row together.

    `roles` are what the view found the user may do (`roles_for`). Raises TransitionRefused
    (nothing written) if the step is not theirs, or not possible from the status the database
    holds now; NeedsConfirmation for an approval with pending work unless `confirmed`.
    `article.status` is updated in place."""
    with transaction.atomic():
        current = (
            Article.objects.select_for_update()
            .filter(pk=article.pk)
            .values_list("status", flat=True)
        ).get()
        step = check(
            name,
            current,
            roles=roles,
            annotated=name != "mark_ready" or has_annotated(article.pk, user),
            comment=comment,
        )
        if step.name == "approve" and not confirmed:
            annotations, suggestions = pending_work(article.pk)
            if annotations or suggestions:
                raise NeedsConfirmation(annotations, suggestions)
        moved = Article.objects.filter(pk=article.pk, status=current).update(
            status=step.target, updated=timezone.now()
        )
        if not moved:  # only without row locks (SQLite): someone else's step got there first
            raise TransitionRefused(
                "status", "Someone else changed this article's status just now: reload the page."
            )
        record = ArticleReview.objects.create(
            article_id=article.pk,
            user=user,
            from_status=current,
            to_status=step.target,
            comment=comment.strip() if step.needs_comment else "",
        )
    article.status = step.target
    return record


# --- Reviewing annotations ------------------------------------------------------------------------


def review_annotation(
    annotation: Annotation,
    reviewer: User,
    action: str,
    *,
    reason: str = "",
    tag: Tag | None = None,
    start: int | None = None,
    end: int | None = None,
    client_quote: str | None = None,
) -> Review:
    """Accept, reject (a reason is required) or correct (a new tag and/or span, re-verified
    against the text, and a reason) one annotation: writes a Review row and the annotation's
    status (a correction is accepted with its new values), in one transaction.

    Raises ValidationError and writes nothing if the reason is missing, the corrected span does
    not fit the text, or a correction changes nothing. `annotation` is updated in place."""
    reason = reason.strip()
    if action not in Review.Action.values:
        raise ValidationError(f"Unknown review action “{action}”.", code="action")
    if action in (Review.Action.REJECT, Review.Action.CORRECT) and not reason:
        what = "rejected" if action == Review.Action.REJECT else "corrected"
        raise ValidationError(f"Say why the annotation is {what}.", code="reason")
    before: dict = {}
    fields = ["status", "updated"]
    if action == Review.Action.CORRECT:
        new_tag = tag or annotation.tag
        new_start = annotation.start if start is None else start
        new_end = annotation.end if end is None else end
        if (new_tag.pk, new_start, new_end) == (
            annotation.tag_id,
            annotation.start,
            annotation.end,
        ):
            raise ValidationError(
                "Nothing to correct: change the tag or the span (or accept it as it is).",
                code="unchanged",
            )
        text = annotation.text()
        corrected = Annotation(start=new_start, end=new_end, quote=text[new_start:new_end])
        try:
            corrected.verify(text, client_quote)
        except ValidationError as exc:
            raise ValidationError(
                "The corrected span does not fit the text: " + " ".join(exc.messages),
                code=exc.error_list[0].code,
            ) from exc
        before = {
            "tag": annotation.tag.name,
            "tag_id": annotation.tag_id,
            "start": annotation.start,
            "end": annotation.end,
            "quote": annotation.quote,
            "note": annotation.note,
        }
        selector = anchoring.text_quote(text, new_start, new_end)
        annotation.tag = new_tag
        annotation.start, annotation.end = new_start, new_end
        annotation.quote, annotation.prefix, annotation.suffix = (
            selector.exact,
            selector.prefix,
            selector.suffix,
        )
        fields += ["tag", "start", "end", "quote", "prefix", "suffix"]
    status = (
        Annotation.Status.REJECTED if action == Review.Action.REJECT else Annotation.Status.ACCEPTED
    )
    review = Review(
        annotation=annotation, reviewer=reviewer, action=action, reason=reason, before=before
    )
    # The relations are the rows in hand; checking them again would only cost queries.
    review.full_clean(exclude=["annotation", "reviewer"])
    annotation.status = status
    with transaction.atomic():
        annotation.save(update_fields=fields)
        review.save()
    return review
