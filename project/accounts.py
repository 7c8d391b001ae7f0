"""Account rules for django-allauth."""

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    """Closes public sign-up: admins create accounts in the Django admin."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        """Return False: nobody may create their own account."""
        return False

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: object) -> str:
        """The key of the per-account sign-in limit: the account alone, normalised.

        allauth's own key starts with the current site's domain, which without the sites
        framework is the request's Host header, port included: a different port would then
        start a fresh count. Here the key is the email as the account knows it (trimmed,
        case-folded), whatever the Host.

        Returns:
            A cache key fragment; the same for every spelling of one email address.
        """
        login = credentials.get("email", credentials.get("username", ""))
        return f"login:{str(login).strip().casefold()}"
