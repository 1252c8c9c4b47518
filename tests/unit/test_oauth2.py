"""OAuth2 for the mailbox, without a network: the [oauth2] settings and the provider presets, the
XOAUTH2 string, when a token is refreshed, how a token answer is read, and a sign-in failure
leaving the letter queued."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from followup.adapters.holidays import calendar_for
from followup.adapters.mail import oauth2_endpoint as endpoint
from followup.adapters.mail.oauth2 import margin, parse_oauth2, presets, xoauth2
from followup.adapters.mail.settings import load_mail_settings
from followup.adapters.policies import PolicyBook
from followup.domain.errors import InvalidField
from followup.services.dependencies import Dependencies
from followup.services.outbox import MailSignInFailed

from ..fakes import FakeStore

HERE = Path("/config")


def test_every_preset_value_names_the_page_that_documents_it():
    for name, preset in presets().items():
        for key, entry in preset.items():
            if key == "title":
                continue
            assert entry["documented"].startswith("https://"), (name, key)


def test_microsoft_signs_in_with_a_device_code_for_any_kind_of_account():
    found = parse_oauth2({"provider": "microsoft", "client_id": " app-id "}, ["smtp"], HERE)
    assert (found.client_id, found.flow, found.scope_on_refresh) == ("app-id", "device", True)
    assert found.device_authorization_endpoint == (
        "https://login.microsoftonline.com/common/oauth2/v2.0/devicecode"
    )
    assert found.token_endpoint == "https://login.microsoftonline.com/common/oauth2/v2.0/token"
    assert found.scopes == (
        "https://outlook.office.com/SMTP.Send",
        "offline_access",
        "openid",
        "email",
        "profile",
    )
    assert found.revocation_endpoint is None
    assert found.redirect_host == "localhost"


@pytest.mark.parametrize("tenant", ["consumers", "organizations", "contoso.onmicrosoft.com"])
def test_a_microsoft_tenant_goes_into_every_endpoint(tenant):
    found = parse_oauth2(
        {"provider": "microsoft", "client_id": "x", "tenant": tenant}, ["smtp", "imap"], HERE
    )
    base = f"https://login.microsoftonline.com/{tenant}/oauth2/v2.0/"
    assert found.token_endpoint == base + "token"
    assert found.authorization_endpoint == base + "authorize"
    assert "https://outlook.office.com/IMAP.AccessAsUser.All" in found.scopes


def test_google_signs_in_through_the_browser_with_the_mail_scope_once():
    found = parse_oauth2(
        {"provider": "google", "client_id": "x", "client_secret": "s"}, ["smtp", "imap"], HERE
    )
    assert (found.flow, found.client_secret, found.scope_on_refresh) == ("loopback", "s", False)
    assert found.scopes == ("https://mail.google.com/", "openid", "email")
    assert dict(found.authorization_params) == {"access_type": "offline", "prompt": "consent"}
    assert found.revocation_endpoint == "https://oauth2.googleapis.com/revoke"


def test_any_endpoint_can_be_overridden_for_a_server_on_loopback():
    found = parse_oauth2(
        {
            "provider": "microsoft",
            "client_id": "x",
            "token_endpoint": "http://127.0.0.1:8080/token",
            "device_authorization_endpoint": "http://localhost:8080/device",
        },
        ["imap"],
        HERE,
    )
    assert found.token_endpoint == "http://127.0.0.1:8080/token"
    assert found.device_authorization_endpoint == "http://localhost:8080/device"


def test_a_custom_provider_without_a_device_endpoint_uses_the_loopback_flow():
    found = parse_oauth2(
        {
            "provider": "custom",
            "client_id": "x",
            "authorization_endpoint": "https://id.example.com/authorize",
            "token_endpoint": "https://id.example.com/token",
            "scopes": ["mail", "mail", "offline_access"],
        },
        ["smtp"],
        HERE,
    )
    assert (found.flow, found.scopes) == ("loopback", ("mail", "offline_access"))


@pytest.mark.parametrize(
    ("table", "field", "expected"),
    [
        ({"provider": "yahoo", "client_id": "x"}, "oauth2.provider", "one of microsoft"),
        ({"provider": "google"}, "oauth2.client_id", "the application (client) id"),
        ({"provider": "custom", "client_id": "x"}, "oauth2.token_endpoint", "token endpoint"),
        (
            {"provider": "microsoft", "client_id": "x", "token_endpoint": "http://id.example/t"},
            "oauth2.token_endpoint",
            "an https:// URL (http:// only for a loopback host",
        ),
        (
            {"provider": "microsoft", "client_id": "x", "flow": "implicit"},
            "oauth2.flow",
            "device or loopback",
        ),
        (
            {
                "provider": "custom",
                "client_id": "x",
                "token_endpoint": "https://a/t",
                "flow": "device",
            },
            "oauth2.device_authorization_endpoint",
            "URL for the device sign-in",
        ),
        ({"provider": "microsoft", "client_id": "x", "tenant": "a/b"}, "oauth2.tenant", "common"),
        ({"provider": "google", "client_id": "x", "scopes": "mail"}, "oauth2.scopes", "a list"),
    ],
)
def test_bad_oauth2_settings_name_the_field(table, field, expected):
    with pytest.raises(InvalidField) as error:
        parse_oauth2(table, ["smtp"], HERE)
    assert error.value.field == field
    assert expected in error.value.expected


def test_the_xoauth2_string_is_the_one_google_documents():
    # https://developers.google.com/gmail/imap/xoauth2-protocol#the_sasl_xoauth2_mechanism
    sasl = xoauth2("someuser@example.com", "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg")
    assert base64.b64encode(sasl.encode()).decode() == (
        "dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNr"
        "QmhkSFJoZG1semRHRXVZMjl0Q2cBAQ=="
    )


@pytest.mark.parametrize(("lifetime", "early"), [(3600, 300), (600, 300), (4, 2), (None, 300)])
def test_a_token_is_refreshed_five_minutes_before_its_end_or_half_a_short_life(lifetime, early):
    assert margin(lifetime) == early


def grant(**answer):  # type: ignore[no-untyped-def]
    return endpoint._grant({"access_token": "a", "token_type": "Bearer", **answer}, now=1000.0)


def test_a_token_answer_takes_expires_in_as_a_number_or_a_string_and_ignores_the_rest():
    assert grant(expires_in="3599").access.expires_at == 4599.0
    assert grant(expires_in=3599, ext_expires_in=3599, foo=[1]).access.expires_at == 4599.0
    assert grant().access.expires_at is None  # not said: used until a server refuses it
    assert grant(token_type="bearer").access.token == "a"  # the type's case does not matter


def test_a_token_answer_says_who_signed_in_from_its_id_token():
    def jwt(claims):  # type: ignore[no-untyped-def]
        body = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
        return f"eyJhbGciOiJub25lIn0.{body}.sig"

    assert grant(id_token=jwt({"preferred_username": "sam@contoso.com"})).identity == (
        "sam@contoso.com"
    )
    assert grant(id_token=jwt({"email": "sam@gmail.com", "sub": "1"})).identity == "sam@gmail.com"
    assert grant(id_token=jwt({"sub": "1"})).identity is None
    assert grant(id_token="not a jwt").identity is None


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        ({"access_token": ""}, "the token response has no access_token"),
        ({"token_type": None}, "the token response has no token_type"),
        ({"token_type": "mac"}, "expected a Bearer token (XOAUTH2 carries no other)"),
        ({"expires_in": "an hour"}, "expected expires_in as a number of seconds"),
        ({"expires_in": -5}, "expected expires_in as a number of seconds"),
        ({"refresh_token": 7}, "expected refresh_token as a string"),
    ],
)
def test_a_token_answer_missing_or_bending_a_field_is_one_line(answer, said):
    with pytest.raises(MailSignInFailed) as error:
        grant(**answer)
    assert str(error.value).startswith(f"oauth2.token_endpoint: {said}")


def test_an_error_description_is_cut_to_its_first_line():
    error = endpoint.error_for(
        "oauth2.token_endpoint",
        "invalid_grant",
        "AADSTS70000: The grant is expired.\r\nTrace ID: 1\r\nCorrelation ID: 2",
    )
    assert str(error) == (
        "oauth2.token_endpoint: the provider refused (invalid_grant: AADSTS70000: The grant is "
        "expired.)"
    )


def test_auth_oauth2_needs_an_oauth2_table(tmp_path):
    config = tmp_path / "followup.toml"
    config.write_text('[smtp]\nhost = "smtp.office365.com"\nauth = "oauth2"\n')
    with pytest.raises(InvalidField) as error:
        load_mail_settings(config)
    assert str(error.value) == (
        "oauth2: expected an [oauth2] table (provider, client_id): smtp.auth is oauth2"
    )
    config.write_text('[smtp]\nhost = "smtp.office365.com"\nauth = "token"\n')
    with pytest.raises(InvalidField, match=r"smtp.auth: expected one of password, oauth2"):
        load_mail_settings(config)


def test_smtp_and_imap_signing_in_with_oauth2_share_one_sign_in(tmp_path):
    config = tmp_path / "followup.toml"
    config.write_text(
        '[smtp]\nhost = "smtp.office365.com"\nusername = "sam@contoso.com"\nauth = "oauth2"\n'
        '[imap]\nhost = "outlook.office365.com"\nusername = "sam@contoso.com"\nauth = "oauth2"\n'
        '[oauth2]\nprovider = "microsoft"\nclient_id = "app"\ntenant = "organizations"\n'
    )
    found = load_mail_settings(config)
    assert found.smtp is not None and found.imap is not None
    assert found.smtp.oauth2 is found.imap.oauth2 is found.oauth2
    assert found.oauth2 is not None and found.oauth2.folder == tmp_path
    config.write_text(config.read_text().replace('"sam@contoso.com"\nauth', '"x@y.com"\nauth', 1))
    with pytest.raises(InvalidField, match=r"imap.username: expected the same address as smtp"):
        load_mail_settings(config)


def test_a_sign_in_failure_while_sending_leaves_the_letter_queued_with_its_reason():
    from followup.services.outbox import dispatch
    from followup.services.storage import OutboxItem

    now = datetime(2027, 1, 21, 15, 0, tzinfo=UTC)
    deps = Dependencies(FakeStore(), calendar_for, PolicyBook(None), clock=lambda: now)
    letter = OutboxItem(
        0, "acme-ae", "thank_you", "Lee Park", "Lee Park", "lee@acme.example", "Thanks",
        "Dear Lee,", "<1@example.com>", now, "queued",
    )  # fmt: skip
    with deps.store.unit_of_work() as uow:
        uow.queue(letter)
        uow.commit()

    class SignedOut:
        def send(self, item, sender):  # type: ignore[no-untyped-def]
            raise MailSignInFailed("oauth2: the sign-in has ended; sign in again")

    with pytest.raises(MailSignInFailed) as error:
        dispatch(deps, SignedOut())
    assert error.value.exit_code == 2
    with deps.store.unit_of_work(readonly=True) as uow:
        (item,) = uow.outbox()
    assert (item.status, item.last_error) == (
        "queued",
        "oauth2: the sign-in has ended; sign in again",
    )
