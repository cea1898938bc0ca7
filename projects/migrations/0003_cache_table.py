"""The database cache's table (settings.CACHES without REDIS_URL): the sign-in and upload
limits count there, so that every web process on the host shares one count.

Created whatever the cache setting is today, so that dropping REDIS_URL later needs no
`createcachetable`."""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

TABLE = "cma_cache"  # settings.CACHES's LOCATION without REDIS_URL


def create_table(apps, schema_editor):
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("projects", "0002_generated_upload_names")]

    operations = [migrations.RunPython(create_table, drop_table)]
