"""manage.py addmember: set up a firm member from a shell, print their API token last.

Idempotent: run it again to change the password or role. Scripts read the
token as the last word of standard output.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token

from projects import member_services
from projects.models import Role
from projects.services import ServiceError


class Command(BaseCommand):
    help = (
        "Create or update a member of a firm (the firm too when missing). "
        "Owners become firm admins. Prints the member's API token last."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--firm", required=True, help="Firm name (created when missing)")
        parser.add_argument("--email", required=True, help="Sign-in email address")
        parser.add_argument("--password", required=True)
        parser.add_argument("--role", required=True, choices=Role.values)

    def handle(self, *args, firm: str, email: str, password: str, role: str, **options) -> None:
        if not firm.strip():
            raise CommandError("--firm must name a firm.")
        try:
            membership = member_services.set_member(
                firm_name=firm, email=email, password=password, role=role
            )
        except ServiceError as error:
            raise CommandError(error.message) from None
        token, _ = Token.objects.get_or_create(user=membership.user)
        admin_note = " and firm admin" if membership.user.is_staff else ""
        self.stdout.write(
            f"{membership.user.email} is {membership.get_role_display()}{admin_note} "
            f"of {membership.firm.name}."
        )
        self.stdout.write(f"API token: {token.key}")
