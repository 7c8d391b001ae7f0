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

    def get_urls(self) -> list:
        """The models' pages, and the content files' import and export pages."""
        from django.urls import path

        return [
            path("content/", self.admin_view(self.content_files), name="content_files"),
            path(
                "content/<str:kind>.yaml",
                self.admin_view(self.export_content),
                name="export_content",
            ),
            *super().get_urls(),
        ]

    def content_files(self, request: HttpRequest) -> HttpResponse:
        """Upload a question bank or glossary file: check it first (a dry run listing every
        problem with its line, or what would change), then apply it.

        The file's text travels back in the "apply" form, so what is applied is what was
        checked; it is checked again when applied.

        Raises:
            PermissionDenied: the user may not change questions and glossary terms.
        """
        from django.contrib import messages
        from django.template.response import TemplateResponse

        from glossary.content import ContentError
        from interviews.forms import ContentFileForm

        if not request.user.has_perms(["interviews.change_question", "glossary.change_term"]):
            raise PermissionDenied("Importing content needs the right to change the bank.")
        form = ContentFileForm(request.POST or None, request.FILES or None)
        context = {**self.each_context(request), "title": "Content files", "form": form}
        if request.method == "POST" and form.is_valid():
            apply = request.POST.get("action") == "apply"
            try:
                report = form.run(dry_run=not apply)
            except ContentError as error:
                context["problems"] = [str(problem) for problem in error.problems]
            else:
                if apply:
                    for line in report.lines():
                        messages.success(request, f"Applied {form.cleaned_data['name']}: {line}")
                    return redirect("admin:content_files")
                context.update(report=report, checked=form.checked())
        return TemplateResponse(request, "admin/content_files.html", context)

    def export_content(self, request: HttpRequest, kind: str) -> HttpResponse:
        """The current question bank or glossary as a file to download (``bank``/``glossary``).

        Raises:
            Http404: another ``kind``.
        """
        from django.http import Http404

        from glossary.content import export_glossary
        from interviews.content import export_bank

        exporters = {"bank": export_bank, "glossary": export_glossary}
        if kind not in exporters:
            raise Http404("No such content file.")
        response = HttpResponse(exporters[kind](), content_type="application/yaml; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{kind}.yaml"'
        return response
