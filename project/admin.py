"""The Django admin site, opened to the Question-bank admin role instead of the staff flag."""

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme

from interviews.roles import QUESTION_BANK_ADMIN, has_role


class WorkbenchAdminSite(admin.AdminSite):
    """Admin site for Question-bank admins and superusers.

    Access follows the role, not ``is_staff``, so giving someone the Question-bank admin group is
    all it takes; what they may change there is still limited by the group's model permissions.
    Sign-in goes through the app's own sign-in page.
    """

    site_header = "Interview workbench administration"
    site_title = "Interview workbench admin"
    index_title = "Question bank, glossary and users"

    def has_permission(self, request: HttpRequest) -> bool:
        """Return True for active superusers and Question-bank admins."""
        return has_role(request.user, QUESTION_BANK_ADMIN)

    @method_decorator(login_not_required)
    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        """Send visitors to the app's sign-in page, coming back to the admin afterwards.

        Raises:
            PermissionDenied: for a signed-in user without the role (signing in again would
                only bring them back here).
        """
        if self.has_permission(request):
            target = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(
                target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                target = reverse("admin:index")
            return redirect(target)
        if request.user.is_authenticated:
            raise PermissionDenied("The admin is for Question-bank admins.")
        return redirect_to_login(
            request.GET.get("next", reverse("admin:index")), reverse("account_login")
        )
