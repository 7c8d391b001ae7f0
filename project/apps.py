"""App configuration that swaps in the workbench's admin site."""

from django.contrib.admin.apps import AdminConfig


class WorkbenchAdminConfig(AdminConfig):
    """Use :class:`project.admin.WorkbenchAdminSite` as ``admin.site``."""

    default_site = "project.admin.WorkbenchAdminSite"
