"""The forms of the annotation views: a new span, editing, linking and resolving it, a workflow
step, a reviewer's reject and correct, and an annotated set with its filters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from articles.content import canonical_line
from articles.models import Article

from .anchoring import clip
from .models import AnnotatedSet, Annotation, Attribution, Source, Tag


class ArticleRevisionForm(forms.Form):
    """A form that acts on an article as the page showed it: `revision` is the article's
    revision the page was drawn at, and a page older than the article's text is refused with
    code "stale" (`STALE`, which each form words for its own task). The views answer a stale
    form 409 (`is_stale`), any other refusal 422."""

    STALE = "This article's text changed since the page was loaded. Reload the page."

    revision = forms.IntegerField()

    def __init__(self, *args: Any, article: Article, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.article = article

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if not self.errors and data["revision"] != self.article.revision:
            raise ValidationError(self.STALE, code="stale")
        return data

    @property
    def is_stale(self) -> bool:
        return self.has_error(NON_FIELD_ERRORS, "stale")


class NewSpanForm(ArticleRevisionForm):
    """What the browser sends when a tag is applied to a selection."""

    STALE = (
        "This article's text changed since the page was loaded, so the selection may point at "
        "different words. Reload the page and select again."
    )

    client_id = forms.UUIDField()
    target = forms.ChoiceField(choices=Annotation.Target.choices)
    caption = forms.IntegerField(required=False)
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    quote = forms.CharField(strip=False, max_length=100_000)
    tag = forms.ModelChoiceField(
        queryset=Tag.objects.all(),
        error_messages={"invalid_choice": "That tag no longer exists: reload the page."},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        data["caption_obj"] = None
        if data["target"] == Annotation.Target.CAPTION:
            # No caption id sent (the field is optional) matches no caption, as a wrong one does.
            caption_pk = data.get("caption")
            caption = (
                None if caption_pk is None else self.article.captions.filter(pk=caption_pk).first()
            )
            if caption is None:
                raise ValidationError("That caption is not part of this article.", code="caption")
            data["caption_obj"] = caption
        return data


class FlowForm(ArticleRevisionForm):
    """The attribution in progress that a new span (or an existing one picked in the text) joins
    in the one-flow attribution (issue 10): the pieces marked so far, by role, and the
    attribution an earlier step made. Each piece is a live span of the article with the right
    role; `span` is an existing span to add (the link-only request), `revision` the article's
    revision the page holds (a stale one is refused, code "stale")."""

    ROLES = {"flow_claim": Tag.Role.CLAIM, "flow_source": Tag.Role.SOURCE, "flow_cue": Tag.Role.CUE}
    STALE = (
        "This article's text changed since the page was loaded. Reload the page and start the "
        "attribution again."
    )

    flow_claim = forms.ModelChoiceField(queryset=Annotation.objects.none(), required=False)
    flow_source = forms.ModelChoiceField(queryset=Annotation.objects.none(), required=False)
    flow_cue = forms.ModelChoiceField(queryset=Annotation.objects.none(), required=False)
    flow_attribution = forms.ModelChoiceField(
        queryset=Attribution.objects.none(),
        required=False,
        error_messages={"invalid_choice": "That attribution no longer exists: press Escape."},
    )
    span = forms.ModelChoiceField(queryset=Annotation.objects.none(), required=False)

    def __init__(self, *args: Any, article: Article, **kwargs: Any) -> None:
        super().__init__(*args, article=article, **kwargs)
        spans = Annotation.objects.filter(article=article).select_related("tag", "article")
        for name in (*self.ROLES, "span"):
            field = cast(forms.ModelChoiceField, self.fields[name])
            field.queryset = spans
            field.error_messages["invalid_choice"] = (
                "A span of the attribution in progress is gone: press Escape and start again."
            )
        cast(
            forms.ModelChoiceField, self.fields["flow_attribution"]
        ).queryset = Attribution.objects.filter(claim__article=article)

    @staticmethod
    def is_flow(data: Mapping[str, Any]) -> bool:
        """The request carries an attribution in progress (a plain save carries none)."""
        return any(data.get(name) for name in (*FlowForm.ROLES, "flow_attribution"))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        for name, role in self.ROLES.items():
            span = data.get(name)
            if span is not None and span.tag.role != role:
                self.add_error(name, f"That span is no longer a {role.label}.")
        return data

    def pieces(self, new: Annotation) -> dict[str, Annotation | None]:
        """claim, source and cue of the attribution with `new` in its role's place."""
        data = self.cleaned_data
        found: dict[str, Annotation | None] = {
            role.value: data.get(name) for name, role in self.ROLES.items()
        }
        if new.tag.role in found:
            found[new.tag.role] = new
        return {
            "claim": found[Tag.Role.CLAIM],
            "source": found[Tag.Role.SOURCE],
            "cue": found[Tag.Role.CUE],
        }


class EditForm(forms.ModelForm):
    class Meta:
        model = Annotation
        fields = ["tag", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"note": "Plain text, or a little HTML: bold, italics, links, lists."}


class SpanChoiceField(forms.ModelChoiceField[Annotation]):
    """A span of the article, labelled by its words (and its registry entry, if resolved)."""

    def label_from_instance(self, obj: Annotation) -> str:
        entry = f" = {obj.source_entry}" if obj.source_entry_id else ""
        return f"“{clip(obj.quote, 70)}”{entry}"


class LinkForm(forms.Form):
    """Attribute a claim: pick its source (a span of the article or a registry entry) and cue."""

    source_span = SpanChoiceField(
        queryset=Annotation.objects.none(), required=False, label="Source span"
    )
    source_entry = forms.ModelChoiceField(
        queryset=Source.objects.all(), required=False, label="or registry entry"
    )
    implicit_source = forms.BooleanField(
        required=False,
        label="or no source in the text (implicit: a passive, “reportedly”)",
    )
    cue = SpanChoiceField(queryset=Annotation.objects.none(), required=False, label="Cue")

    def __init__(self, *args: Any, claim: Annotation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.claim = claim
        spans = (
            Annotation.objects.filter(article_id=claim.article_id)
            .select_related("tag", "source_entry")
            .reading_order()
        )
        # The form's own copies of the declared fields, so still SpanChoiceFields.
        cast(SpanChoiceField, self.fields["source_span"]).queryset = spans.filter(
            tag__role=Tag.Role.SOURCE
        )
        cast(SpanChoiceField, self.fields["cue"]).queryset = spans.filter(tag__role=Tag.Role.CUE)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        implicit = bool(data.get("implicit_source"))
        named = data.get("source_span") or data.get("source_entry")
        if implicit and named:
            raise ValidationError("An implicit source has no span or entry: pick one or the other.")
        if not implicit and not named:
            raise ValidationError(
                "Pick the source: a Source span of the article or an entry, or say it is implicit."
            )
        attribution = Attribution(
            claim=self.claim,
            source_span=data.get("source_span"),
            source_entry=data.get("source_entry") if not data.get("source_span") else None,
            implicit_source=implicit,
            cue=data.get("cue"),
        )
        attribution.clean()
        duplicate = self.claim.attributions.filter(
            source_span=attribution.source_span,
            source_entry=attribution.source_entry,
            implicit_source=implicit,
            cue=attribution.cue,
        ).exists()
        if duplicate:
            raise ValidationError("This claim already has that source and cue.")
        data["attribution"] = attribution
        return data


class FragmentForm(forms.Form):
    """Add a further content fragment to an attribution: a Claim span of the same article after
    the claim, not in the attribution yet (a quotation interrupted by its cue is one
    attribution). The rule itself is `Attribution.fragment_problem`, which
    services.add_fragment asks again."""

    fragment = SpanChoiceField(
        queryset=Annotation.objects.none(),
        label="Further fragment",
        error_messages={"invalid_choice": "Pick a Claim span after the claim, not linked yet."},
    )

    def __init__(self, *args: Any, attribution: Attribution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.attribution = attribution
        claim = attribution.claim
        taken = [claim.pk, *attribution.fragments.values_list("pk", flat=True)]
        candidates = (
            Annotation.objects.filter(article_id=claim.article_id, tag__role=Tag.Role.CLAIM)
            .exclude(pk__in=taken)
            .listed_after(claim)
            .select_related("tag", "source_entry", "caption")
        )
        cast(SpanChoiceField, self.fields["fragment"]).queryset = candidates

    def clean_fragment(self) -> Annotation:
        span: Annotation = self.cleaned_data["fragment"]
        problem = Attribution.fragment_problem(self.attribution.claim, span)
        if problem is not None:
            raise ValidationError(problem)
        return span


class ResolveForm(forms.Form):
    """Resolve a Source span to the registry: an entry picked in the type-ahead (`source`), or a
    new entry named by the typed words (`q`) of the kind picked among the list's "Create"
    options (`new_kind`). It carries the article revision and the entry the span had when the
    form opened (`seen`): the view refuses a stale write (409)."""

    q = forms.CharField(required=False, max_length=300, label="Registry entry")
    source = forms.ModelChoiceField(
        queryset=Source.objects.all(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "That entry is no longer in the registry: pick again."},
    )
    new_kind = forms.ChoiceField(choices=Source.Kind.choices, required=False)
    # Off by default: an alias applies in every article, so it is remembered only on purpose.
    remember = forms.BooleanField(required=False, label="Remember these words as an alias")
    revision = forms.IntegerField(widget=forms.HiddenInput)
    seen = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        name = canonical_line(data.get("q", ""))
        if data.get("new_kind"):
            data["source"] = None  # the words typed name a new entry
            if not name:
                self.add_error("q", "Type the name of the new entry.")
            elif (taken := Source.objects.named(name)) is not None:
                self.add_error("q", f"“{taken.name}” is in the registry already: pick it.")
            data["new_name"] = name
        elif not data.get("source") and "source" not in self.errors:
            raise ValidationError(
                "Pick an entry from the list, or “Create” one for the words you typed.",
                code="unpicked",
            )
        return data


class WorkflowForm(forms.Form):
    """A workflow step; the comment is what a reviewer sends back (annotations.workflow says
    when it is required)."""

    comment = forms.CharField(
        required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    # Approving with pending work: set by the confirmation step's button (NeedsConfirmation).
    confirm = forms.BooleanField(required=False)


class RejectForm(forms.Form):
    reason = forms.CharField(
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Say why the annotation is rejected."},
    )


class CorrectForm(forms.Form):
    """A reviewer's correction: the tag and/or the span (code point offsets into the same text;
    `quote` is what the browser saw there when the span was picked by selecting text), and why.
    The span is checked against the text by workflow.review_annotation."""

    tag = forms.ModelChoiceField(
        queryset=Tag.objects.all(),
        empty_label=None,
        error_messages={"invalid_choice": "That tag no longer exists: reload the page."},
    )
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    quote = forms.CharField(required=False, strip=False, max_length=100_000)
    reason = forms.CharField(
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Say why the annotation is corrected."},
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("start"), data.get("end")
        if start is not None and end is not None and start >= end:
            raise ValidationError("The span is empty: start must come before end.")
        return data


class SetForm(forms.Form):
    """A set's name and description and the filters stored in AnnotatedSet.filters (the keys
    and values AnnotatedSet.articles reads: a tag by name, an editor by
    username, days as YYYY-MM-DD)."""

    name = forms.CharField(max_length=200)
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    outlet = forms.ChoiceField(required=False)
    date_from = forms.DateField(
        required=False, label="Published from", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label="Published until", widget=forms.DateInput(attrs={"type": "date"})
    )
    tag = forms.ChoiceField(required=False, label="Has a span tagged")
    status = forms.ChoiceField(
        required=False,
        label="Workflow status",
        choices=[("", "Any status"), *Article.Status.choices],
    )
    editor = forms.ChoiceField(required=False, label="Annotated by")
    text = forms.CharField(required=False, max_length=200, label="Title or text contains")

    FILTERS = AnnotatedSet.FILTER_KEYS  # every stored filter is a field of this form

    def __init__(
        self, data: Mapping[str, Any] | None = None, *, instance: AnnotatedSet | None = None
    ) -> None:
        self.instance = instance
        initial: dict[str, Any] = {}
        if instance is not None:
            initial = {
                "name": instance.name,
                "description": instance.description,
                **(instance.filters or {}),
            }
        super().__init__(data, initial=initial)
        shown = self.data if self.is_bound else self.initial

        def offer(field: str, empty: str, values: list[str]) -> None:
            # A value stored earlier (an outlet since emptied, a renamed user) stays selectable.
            current = str(shown.get(field) or "")
            if current and current not in values:
                values = values + [current]
            choice_field = cast(forms.ChoiceField, self.fields[field])
            choice_field.choices = [("", empty)] + [(v, v) for v in values]

        offer("outlet", "All outlets", Article.objects.outlets())
        offer("tag", "Any tag", list(Tag.objects.values_list("name", flat=True)))
        offer(
            "editor",
            "Anyone",
            list(
                Annotation.objects.order_by("author__username")
                .values_list("author__username", flat=True)
                .distinct()
            ),
        )
        for key in self.FILTERS:
            self.fields[key].widget.attrs["class"] = "filter-input"

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        others = AnnotatedSet.objects.filter(name__iexact=name)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError("A set with this name exists already.")
        return name

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end of the range comes before its start.")
        return data

    def filters(self) -> dict[str, str]:
        """The non-empty filters, as stored in AnnotatedSet.filters."""
        out: dict[str, str] = {}
        for key in self.FILTERS:
            value = self.cleaned_data.get(key)
            if value in (None, ""):
                continue
            out[key] = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
        return {k: v for k, v in out.items() if v}
