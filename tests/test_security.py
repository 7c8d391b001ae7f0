"""Security headers and the strict Content-Security-Policy."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from interviews.roles import RECRUITER
from tests.factories import make_user

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def test_csp_is_strict_and_uses_a_nonce(client):
    response = client.get("/accounts/login/")

    csp = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert re.fullmatch(r"'self' 'nonce-[\w+/=-]+'", directives["script-src"])
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"


def test_every_script_tag_has_the_nonce_or_a_same_origin_src(client):
    client.force_login(make_user(RECRUITER))
    response = client.get("/")
    html = response.content.decode()
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)

    tags = re.findall(r"<script\b[^>]*>", html)

    assert tags
    for tag in tags:
        assert f'nonce="{nonce}"' in tag or re.search(r'src="/static/', tag), tag


def test_pages_have_no_inline_styles(client):
    client.force_login(make_user(RECRUITER))

    for url in ("/", "/accounts/password/change/"):
        html = client.get(url).content.decode()
        assert " style=" not in html, url
        assert "<style" not in html, url


def test_htmx_config_disables_indicator_styles_and_swaps_form_answers(client):
    html = client.get("/accounts/login/").content.decode()

    config = json.loads(re.search(r"""<meta name="htmx-config" content='([^']*)'>""", html)[1])
    assert config["includeIndicatorStyles"] is False  # an inline <style> the CSP would refuse
    swapped = {rule["code"]: rule["swap"] for rule in config["responseHandling"]}
    assert swapped["^(409|422)$"] is True  # a conflict or a form's errors are shown
    assert swapped["[45].."] is False  # not an error page inside a part of a page


def test_security_headers(client):
    response = client.get("/accounts/login/")

    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def _manage(args, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "project.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "k" * 20 + "a-long-random-production-secret-for-the-check-only",
    "DJANGO_ALLOWED_HOSTS": "workbench.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://workbench.example.com",
    "EMAIL_HOST": "smtp.example.com",
}


def test_check_deploy_with_production_environment_reports_no_issues():
    result = _manage(["check", "--deploy", "--fail-level", "DEBUG"], **PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_settings_refuse_to_start_without_secret_key_when_debug_is_off():
    result = _manage(["check"])

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off." in result.stderr


def test_permissions_policy_turns_off_what_the_app_does_not_use(client):
    response = client.get("/accounts/login/")

    policy = dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert policy[feature] == "()", feature


@pytest.mark.parametrize(
    "url",
    ["/bank/", "/candidates/", "/glossary/", "/interviews/{pk}/q/1/", "/positions/{position}/"],
)
def test_urls_that_answer_a_fragment_or_a_page_vary_on_hx_request(client, url):
    from interviews.roles import HIRING_MANAGER
    from tests.factories import make_interview, make_position

    admin = make_user(RECRUITER)
    manager = make_user(HIRING_MANAGER)
    position = make_position(managers=[manager])
    interview = make_interview(admin, position=position)
    client.force_login(manager if "positions" in url else admin)
    url = url.format(pk=interview.pk, position=position.pk)

    page = client.get(url)
    fragment = client.get(url, headers={"HX-Request": "true"})

    for response in (page, fragment):
        assert response.status_code == 200
        assert "HX-Request" in response["Vary"]
    assert len(fragment.content) < len(page.content)


def test_html_is_compressed_for_browsers_that_accept_it(client):
    client.force_login(make_user(RECRUITER))

    response = client.get("/", headers={"Accept-Encoding": "gzip"})

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
