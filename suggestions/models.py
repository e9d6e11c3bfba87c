"""Stored suggestions: proposed attributions kept apart from annotations until an editor
accepts them (issue 9).

A Suggestion is one complete proposed attribution over one text of an article (its body, title
or one caption): source spans (none when the source is implicit), one cue span and one or more
content spans, as code-point offsets into that text, with where it came from (`origin`: this
project's rule engine, or another tool's model imported as pre-annotations), that origin's
version, the rule that fired and a confidence in [0, 1].

Suggestions are not annotations: they never appear in exports, agreement figures or annotation
counts. Accepting one makes ordinary annotations and an Attribution authored by the accepting
editor; the suggestion row stays, ACCEPTED, linked to that attribution, so the provenance
(origin, version, rule, confidence) is kept; `edited` says the editor changed its spans before
accepting (the row keeps the spans as suggested, the attribution has the accepted ones). A rejected row stays too: its `fingerprint` (the
spans and the text they cut) is how a re-run knows never to offer it again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from django.conf import settings
from django.db import models
from django.db.models import Q

from annotations.models import Annotation, Attribution, Source

SpanList = Sequence[Sequence[int]]


def fingerprint(
    target_key: str, text: str, source: SpanList, cue: Sequence[int], content: SpanList
) -> str:
    """What identifies a suggestion for "never re-offer a rejected one": its spans and the text
    each cuts out, in the text it belongs to (`target_key`, as annotations.models.target_key)."""
    parts = {
        "target": target_key,
        "source": [[s, e, text[s:e]] for s, e in source],
        "cue": [cue[0], cue[1], text[cue[0] : cue[1]]],
        "content": [[s, e, text[s:e]] for s, e in content],
    }
    encoded = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


class Suggestion(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Not reviewed"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="suggestions"
    )
    target = models.CharField(
        max_length=10, choices=Annotation.Target.choices, default=Annotation.Target.BODY
    )
    caption = models.ForeignKey(
        "articles.ImageCaption",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="suggestions",
    )
    source_spans = models.JSONField(
        default=list, blank=True, help_text="[[start, end], …]; empty when implicit."
    )
    cue_span = models.JSONField(help_text="[start, end]")
    content_spans = models.JSONField(help_text="[[start, end], …]: one or more fragments.")
    source_name = models.CharField(
        max_length=300, blank=True, help_text="The name the origin gave the source, if any."
    )
    source_entry = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestions",
        help_text="The registry entry the source resolved to, if it did.",
    )
    origin = models.CharField(
        max_length=100, help_text="What proposed it: this project's rules, or another model."
    )
    origin_version = models.CharField(max_length=100, blank=True)
    rule = models.CharField(max_length=100, blank=True, help_text="The rule that fired.")
    confidence = models.FloatField()
    fingerprint = models.CharField(max_length=64, editable=False)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decided_suggestions",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    attribution = models.OneToOneField(
        Attribution,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestion",
        help_text="What accepting it made: the provenance stays linked.",
    )
    edited = models.BooleanField(
        default=False,
        db_default=False,  # suggestions.store inserts raw rows without this column
        help_text="Accepted after an editor changed its spans: the spans above are what was "
        "suggested, the attribution holds what was accepted.",
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "target", "caption", "id"]
        indexes = [models.Index(fields=["article", "status"], name="suggestion_article_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "fingerprint"], name="suggestion_once_per_article"
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="suggestion_confidence_0_1",
            ),
            models.CheckConstraint(
                condition=(Q(target="caption") & Q(caption__isnull=False))
                | (~Q(target="caption") & Q(caption__isnull=True)),
                name="suggestion_caption_iff_caption_target",
            ),
        ]
        permissions = [("review_suggestion", "Can accept or reject suggestions")]

    def __str__(self) -> str:
        return f"{self.origin} {self.rule} ({self.confidence:.2f}) on article {self.article_id}"
