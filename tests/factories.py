"""Test data as plain functions: each makes one saved row with sensible defaults.

They rely on what migration annotations/0002 seeds (the four tags and the Editors / Reviewers
groups), which pytest-django's ordinary `db` fixture keeps; a `transactional_db` test that needs
them must ask for `serialized_rollback`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from annotations.models import Annotation, Tag
from articles.models import Article, ImageCaption

PASSWORD = "a-test-password-nobody-uses"  # noqa: S105

# Role name -> group made by annotations/0002. "editor2" is a second editor (for "someone else's
# annotation" cases); "admin" is a superuser in no group.
ROLE_GROUPS = {"editor": "Editors", "editor2": "Editors", "reviewer": "Reviewers", "admin": None}

_sequence = itertools.count(1)


def make_user(username: str | None = None, role: str = "editor", **fields: Any):
    """A user with a usable password (PASSWORD) in the group for `role`, or a superuser."""
    if role not in ROLE_GROUPS:
        raise ValueError(f"unknown role {role!r}; pick one of {sorted(ROLE_GROUPS)}")
    User = get_user_model()
    username = username or f"{role}-{next(_sequence)}"
    if role == "admin":
        fields.setdefault("email", f"{username}@example.com")
        return User.objects.create_superuser(username=username, password=PASSWORD, **fields)
    user = User.objects.create_user(username=username, password=PASSWORD, **fields)
    user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
    return user


def make_article(
    title: str = "Minister says the bridge will open in spring",
    body: str = (
        "The minister said on Tuesday that the bridge would open in spring.\n\n"
        "Engineers were less sure, according to a report seen by this newspaper."
    ),
    captions: Iterable[tuple[str, str]] = (),
    **fields: Any,
) -> Article:
    """A saved article (title and body canonicalised by Article.save) with captions in order."""
    article = Article.objects.create(title=title, body=body, **fields)
    for position, (text, credit) in enumerate(captions):
        ImageCaption.objects.create(article=article, position=position, text=text, credit=credit)
    return article


def make_annotation(
    article: Article,
    tag_name: str = "Claim",
    start: int | None = None,
    end: int | None = None,
    author: Any = None,
    target: str = Annotation.Target.BODY,
    caption: ImageCaption | None = None,
    *,
    quote: str | None = None,
    **fields: Any,
) -> Annotation:
    """A saved annotation whose quote, prefix and suffix are cut from the target text.

    Give either `start` and `end`, or `quote` (its first occurrence is used). The span is checked
    with Annotation.verify, so a typo in a test fails here rather than later. `author` defaults
    to a new editor."""
    text = article.target_text(target, caption.pk if caption else None)
    if start is None or end is None:
        if quote is None:
            raise ValueError("give start and end, or quote")
        start = text.index(quote)
        end = start + len(quote)
    annotation = Annotation.cut_from(
        text,
        start,
        end,
        article=article,
        target=target,
        caption=caption,
        tag=Tag.objects.get(name=tag_name),
        author=author or make_user(),
        **fields,
    )
    annotation.verify(text)
    annotation.save()
    return annotation
