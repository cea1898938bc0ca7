"""manage.py cleanup_storage [--dry-run]: remove stored files that no row refers to.

Lists each one (name, size, last modified) and removes it, or only lists with
--dry-run. Files younger than an hour are left alone (projects.orphans).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from projects import orphans


class Command(BaseCommand):
    help = "List and remove stored files (uploads, workbooks) that no row refers to."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="List them; remove nothing")

    def handle(self, *args, dry_run: bool, **options) -> None:
        found = orphans.find_orphans()
        for orphan in found:
            when = orphan.modified.strftime("%Y-%m-%d %H:%M")
            self.stdout.write(f"{orphan.name}  {orphan.size:,} bytes  {when}")
        if not dry_run:
            orphans.remove(found)
        total = sum(orphan.size for orphan in found)
        verb = "would be removed (dry run)" if dry_run else "removed"
        self.stdout.write(f"{len(found)} files no row refers to, {total:,} bytes: {verb}.")
