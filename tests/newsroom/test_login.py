"""Login throttling (django-axes with newsroom.login's lockout page; policy in
docs/operations.md, "Logins"): per account and per address, refused before any password is
hashed, lifted after the cool-off or by an admin."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db

LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture
def ana() -> User:
    return User.objects.create_user("ana", password="right-password-2026")


def attempt(client: Client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_wrong_passwords_up_to_the_limit_are_answered_as_usual(client, ana):
    """Below the limit a wrong password gets the ordinary form error, status 200."""
    for _ in range(LIMIT - 1):
        response = attempt(client, "ana", "guess")
        assert response.status_code == 200
        assert b"didn&#x27;t match" in response.content or b"didn't match" in response.content


def test_the_account_is_locked_after_the_limit_even_for_the_right_password(client, ana):
    """After LIMIT failures the next attempt, right password included, is refused with 429,
    a message that says why and for how long, and Retry-After."""
    for _ in range(LIMIT):
        attempt(client, "ana", "guess")
    response = attempt(client, "ana", "right-password-2026")
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    assert int(response["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()
    assert "_auth_user_id" not in client.session


def test_a_locked_out_attempt_hashes_no_password(client, ana):
    """Guessing on after the lockout costs no password hashing: the lockout is decided first."""
    for _ in range(LIMIT):
        attempt(client, "ana", "guess")
    with mock.patch.object(MD5PasswordHasher, "verify", autospec=True) as verify:
        for _ in range(20):
            assert attempt(client, "ana", "guess").status_code == 429
    assert verify.call_count == 0


def test_guesses_from_many_addresses_lock_the_account(client, ana):
    """One account guessed from 20 addresses is locked per account."""
    for n in range(LIMIT):
        attempt(client, "ana", "guess", address=f"10.0.1.{n}")
    response = attempt(client, "ana", "right-password-2026", address="10.0.1.200")
    assert response.status_code == 429


def test_guesses_on_many_accounts_from_one_address_lock_the_address(client, ana):
    """Spraying one password over many usernames from one address locks that address, so the
    real account cannot be tried from it either, while another address still can."""
    for n in range(LIMIT):
        attempt(client, f"user{n}", "guess", address="10.0.2.9")
    assert attempt(client, "ana", "right-password-2026", address="10.0.2.9").status_code == 429
    response = attempt(Client(), "ana", "right-password-2026", address="10.0.2.10")
    assert response.status_code == 302


def test_the_right_password_works_after_the_cool_off(client, ana):
    """Once the cool-off has passed since the last attempt, the right password logs in."""
    for _ in range(LIMIT):
        attempt(client, "ana", "guess")
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get(username="ana").attempt_time
        - settings.AXES_COOLOFF_TIME
        - timedelta(seconds=1)
    )
    response = attempt(client, "ana", "right-password-2026")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(ana.pk)


def test_a_success_below_the_limit_clears_the_count(client, ana):
    """A successful login forgets the account's earlier failures."""
    for _ in range(LIMIT - 1):
        attempt(client, "ana", "guess")
    assert attempt(client, "ana", "right-password-2026").status_code == 302
    client.logout()
    for _ in range(LIMIT - 1):
        attempt(client, "ana", "guess")
    assert attempt(client, "ana", "right-password-2026").status_code == 302


def test_admins_see_and_lift_lockouts(admin_client, ana):
    """The admin lists the locked account with its address and failure count; deleting the
    row lifts the lockout."""
    guesser = Client()
    for _ in range(LIMIT):
        attempt(guesser, "ana", "guess")
    page = admin_client.get("/admin/axes/accessattempt/")
    assert page.status_code == 200
    assert "ana" in page.content.decode() and "10.0.0.1" in page.content.decode()
    AccessAttempt.objects.filter(username="ana").delete()
    assert attempt(guesser, "ana", "right-password-2026").status_code == 302
