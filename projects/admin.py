"""Django admin for firm admins: their firm, members and roles, projects, the audit log.

A firm admin (an owner with is_staff) sees only their firm; a superuser sees
all (projects.admin_scoping). Writes go through services: members through
projects.member_services, status changes through projects.admin_services as
admin actions. The status itself, the steps and the audit log are read-only.
"""

from __future__ import annotations

import zoneinfo

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime

from pipeline.classifier.policy import SETTINGS as POLICY_SETTINGS
from pipeline.classifier.policy import Policy
from pipeline.options import STEPS
from projects import admin_services, audit, member_services, signin
from projects.admin_display import ReadableJSONMixin, human_size
from projects.admin_scoping import FirmScopedAdmin, admin_firm
from projects.models import AuditEntry, BankChecklist, Firm, Membership, Project, SourceFile
from projects.services import ServiceError
from projects.templatetags.portal import as_datetime, duration, step_state, step_title

admin.site.site_header = "CMA Pipeline administration"
admin.site.site_title = "CMA Pipeline admin"
admin.site.index_title = "Your firm"
admin.site.login_form = signin.AdminSignInForm  # the portal's sign-in throttle


class ReadOnlyScopedAdmin(ReadableJSONMixin, FirmScopedAdmin):
    """Scoped to the admin user's firm and never written here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _superuser_only(request, filters: list) -> list:
    return filters if admin_firm(request) is None else [f for f in filters if f != "firm"]


# Firms ------------------------------------------------------------------------------------


class FirmFormBase(forms.ModelForm):
    """The firm, and one choice per classification treatment CAs disagree on
    (pipeline.classifier.policy), instead of a raw JSON field."""

    time_zone = forms.ChoiceField(
        choices=[(name, name) for name in sorted(zoneinfo.available_timezones())],
        help_text="Dates in the portal are shown in this time zone.",
    )

    class Meta:
        model = Firm
        fields = ["name", "time_zone"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        current = Policy.from_dict(self.instance.classification_policy).to_dict()
        for name in POLICY_SETTINGS:
            self.initial.setdefault(f"policy_{name}", current[name])

    def save(self, commit: bool = True) -> Firm:
        chosen = {name: self.cleaned_data[f"policy_{name}"] for name in POLICY_SETTINGS}
        self.instance.classification_policy = {**self.instance.classification_policy, **chosen}
        return super().save(commit)


# Declared, not added in __init__, so that the admin lays the choices out.
FirmForm = type(
    "FirmForm",
    (FirmFormBase,),
    {
        f"policy_{name}": forms.ChoiceField(
            label=name.replace("_", " ").capitalize(),
            choices=list(choices.items()),
            widget=forms.RadioSelect,
        )
        for name, choices in POLICY_SETTINGS.items()
    },
)


@admin.register(Firm)
class FirmAdmin(FirmScopedAdmin):
    form = FirmForm
    list_display = ["name", "time_zone", "member_count", "created_at"]
    search_fields = ["name"]

    def get_queryset(self, request):
        queryset = admin.ModelAdmin.get_queryset(self, request)
        firm = admin_firm(request)
        if firm is None:
            return queryset
        return queryset.filter(pk=firm.pk) if firm else queryset.none()

    @admin.display(description="Members")
    def member_count(self, firm: Firm) -> int:
        return firm.memberships.count()

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return False  # a firm's projects and audit log outlive any mistake here


# Members ----------------------------------------------------------------------------------


class MemberAddForm(forms.ModelForm):
    """Adding a member: the address and the role; the service creates the account."""

    email = forms.EmailField(help_text="They get an email with a link to choose a password.")

    class Meta:
        model = Membership
        fields = ["firm", "role"]

    def clean_email(self) -> str:
        email = member_services.normalise_email(self.cleaned_data["email"])
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is not None and hasattr(user, "membership"):
            raise forms.ValidationError("This address is already a member of a firm.")
        return email


class MemberChangeForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role"]


@admin.register(Membership)
class MembershipAdmin(FirmScopedAdmin):
    list_display = ["email", "role", "firm", "created_at"]
    list_filter = ["role", "firm"]
    search_fields = ["user__email"]
    list_select_related = ["user", "firm"]
    readonly_fields = ["user", "firm", "created_at"]

    @admin.display(description="Email", ordering="user__email")
    def email(self, membership: Membership) -> str:
        return membership.user.email

    def get_list_filter(self, request):
        return _superuser_only(request, list(self.list_filter))

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = MemberChangeForm if obj is not None else MemberAddForm
        return super().get_form(request, obj, change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is not None:
            return ["user", "firm", "role", "created_at"]
        return ["email", "firm", "role"] if admin_firm(request) is None else ["email", "role"]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def save_model(self, request, obj, form, change):
        if change:
            before = Membership.objects.select_related("user", "firm").get(pk=obj.pk)
            member_services.change_role(before, obj.role, acting_user=request.user)
            return
        firm = admin_firm(request) or obj.firm
        added = member_services.add_member(
            firm=firm, email=form.cleaned_data["email"], role=obj.role, acting_user=request.user
        )
        obj.pk, obj.user, obj.firm = added.pk, added.user, added.firm

    def has_delete_permission(self, request, obj=None):
        return False  # change the role instead; removing people needs a service with audit

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ServiceError as error:  # e.g. demoting the last owner
            self.message_user(request, error.message, messages.ERROR)
            return self.response_post_save_change(request, None)


# Projects ---------------------------------------------------------------------------------


class SourceFileInline(admin.TabularInline):
    model = SourceFile
    fields = [
        "original_name", "file_size", "detected_type", "status", "items_found", "error", "hint",
    ]  # fmt: skip
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    @admin.display(description="Size")
    def file_size(self, file: SourceFile) -> str:
        return human_size(file.size)

    # The parent admin scopes the project; its files follow.
    def has_view_permission(self, request, obj=None):
        return True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Project)
class ProjectAdmin(ReadableJSONMixin, FirmScopedAdmin):
    list_display = [
        "company_name",
        "status",
        "pipeline_progress",
        "processing",
        "current_step",
        "firm",
        "updated_at",
    ]
    list_filter = ["status", "firm"]
    search_fields = ["company_name"]
    list_select_related = ["firm"]
    inlines = [SourceFileInline]
    actions = ["mark_failed", "reopen_as_draft"]
    # The step records read as the "Pipeline steps" table, not as their JSON.
    exclude = ["claim_token", "claim_started", "lease_expires_at", "pipeline_steps"]

    def get_list_filter(self, request):
        return _superuser_only(request, list(self.list_filter))

    def get_readonly_fields(self, request, obj=None):
        hidden = set(self.exclude)
        names = [f.name for f in Project._meta.fields if f.name not in hidden]
        return self.readable_fields(request, obj, [*names, "processing", "steps"])

    @admin.display(description="Processing", boolean=True)
    def processing(self, project: Project) -> bool:
        return project.is_processing

    @admin.display(description="Pipeline steps")
    def steps(self, project: Project) -> str:
        records = project.pipeline_steps or {}
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (_step_row(step, records.get(step) or {}) for step in STEPS),
        )
        return format_html(
            "<table class='readable'><tr><th>Step</th><th>State</th><th>Started</th>"
            "<th>Took</th><th>Attempts</th><th>Outcome</th></tr>{}</table>",
            rows,
        )

    def has_change_permission(self, request, obj=None):
        # The changelist's actions need it; a project's page is view-only, because saving
        # a form read moments ago would write a stale status and claim over a running run.
        return obj is None and super().has_change_permission(request)

    def has_add_permission(self, request):
        return False  # projects start in the portal or the API, with their audit row

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Mark as failed", permissions=["change"])
    def mark_failed(self, request, queryset):
        self._transition(request, queryset, "fail")

    @admin.action(description="Reopen as draft", permissions=["change"])
    def reopen_as_draft(self, request, queryset):
        self._transition(request, queryset, "reopen")

    def _transition(self, request, queryset, name: str) -> None:
        report = admin_services.transition_projects(
            queryset.select_related("firm"), name, acting_user=request.user
        )
        verb = admin_services.ADMIN_TRANSITIONS[name]
        if report.moved:
            names = ", ".join(str(p) for p in report.moved)
            self.message_user(request, f"{verb.capitalize()}: {names}.", messages.SUCCESS)
        for _project, reason in report.refused:
            self.message_user(request, f"Not changed: {reason}", messages.WARNING)


def _step_row(step: str, record: dict) -> tuple:
    """One step's record as the portal words it: state, start time, duration, outcome."""
    started = as_datetime(record.get("started_at"))
    when = date_format(localtime(started), "DATETIME_FORMAT") if started else "—"
    outcome = record.get("error") or record.get("summary") or ""
    return (
        step_title(step),
        step_state(record.get("status", "pending")),
        when,
        duration(record.get("duration_ms")) or "—",
        record.get("attempts") or 0,
        outcome,
    )


# Audit log --------------------------------------------------------------------------------


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyScopedAdmin):
    list_display = ["created_at", "action", "what", "project", "actor", "message", "firm"]
    list_filter = ["action", "firm"]
    search_fields = ["message", "project__company_name", "actor__email"]
    list_select_related = ["project", "actor", "firm"]
    readonly_fields = ["created_at", "firm", "project", "actor", "action", "message", "details"]

    def get_list_filter(self, request):
        return _superuser_only(request, list(self.list_filter))

    @admin.display(description="What happened")
    def what(self, entry: AuditEntry) -> str:
        return audit.describe(entry.action)


# The credit officer's check ---------------------------------------------------------------


@admin.register(BankChecklist)
class BankChecklistAdmin(FirmScopedAdmin):
    """The firm's checklists: the defaults, or a bank's own figures; one is in use."""

    list_display = ["name", "in_use", "current_ratio_min", "tol_tnw_max", "dscr_average_min",
                    "dscr_minimum_min", "interest_cover_min", "firm"]  # fmt: skip

    def get_fields(self, request, obj=None):
        fields = [f.name for f in BankChecklist._meta.fields if f.name != "id"]
        return fields if admin_firm(request) is None else [f for f in fields if f != "firm"]

    def save_model(self, request, obj, form, change):
        firm = admin_firm(request)
        if firm:
            obj.firm = firm
        if obj.in_use:  # the one in use replaces the last
            BankChecklist.objects.filter(firm=obj.firm, in_use=True).exclude(pk=obj.pk).update(
                in_use=False
            )
        super().save_model(request, obj, form, change)
