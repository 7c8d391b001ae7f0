"""Account rules for django-allauth."""

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    """Closes public sign-up: admins create accounts in the Django admin."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        """Return False: nobody may create their own account."""
        return False
