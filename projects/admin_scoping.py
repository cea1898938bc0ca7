"""Django admin for firm admins: each sees only their own firm; a superuser sees all.

A firm admin is a member with the owner role and `is_staff` set. Every admin
class of the project mixes this in and says how its rows reach a firm.
"""

from __future__ import annotations

from django.contrib import admin

from projects.models import Role


def admin_firm(request):
    """The firm whose rows this admin user may see; None for a superuser (all firms)."""
    if request.user.is_superuser:
        return None
    membership = getattr(request.user, "membership", None)
    if membership is None or membership.role != Role.OWNER:
        return False
    return membership.firm


class FirmScopedAdminMixin:
    """Filters the changelist and every lookup to the admin user's firm.

    `firm_path` is the ORM path from the model to its Firm ("firm",
    "project__firm", "line_item__project__firm").
    """

    firm_path = "firm"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        firm = admin_firm(request)
        if firm is None:
            return queryset
        if firm is False:
            return queryset.none()
        return queryset.filter(**{self.firm_path: firm})

    def has_module_permission(self, request):
        return admin_firm(request) is not False

    def has_view_permission(self, request, obj=None):
        return admin_firm(request) is not False

    def has_change_permission(self, request, obj=None):
        return admin_firm(request) is not False

    def has_add_permission(self, request):
        return admin_firm(request) is not False

    def has_delete_permission(self, request, obj=None):
        return admin_firm(request) is not False


class FirmScopedAdmin(FirmScopedAdminMixin, admin.ModelAdmin):
    pass
