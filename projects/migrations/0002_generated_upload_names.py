"""Move files stored under the client's file name to a name of ours (projects.models.upload_path).

Files uploaded before this release were stored as
projects/<id>/uploads/<hex>/<client's name>; each is copied to
projects/<id>/uploads/<hex>.<type> through the storage API (local disk or a
bucket alike) and the old copy deleted. `original_name` keeps the client's name.
"""

from django.db import migrations

from projects.models import upload_path


def rename_uploads(apps, schema_editor):
    SourceFile = apps.get_model("projects", "SourceFile")
    storage = SourceFile._meta.get_field("file").storage
    for source in SourceFile.objects.exclude(file="").iterator():
        old = source.file.name
        if old.count("/") <= 3 or not storage.exists(old):  # ours already, or lost
            continue
        with storage.open(old, "rb") as handle:
            new = storage.save(upload_path(source, ""), handle)
        SourceFile.objects.filter(pk=source.pk).update(file=new)
        storage.delete(old)


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial")]

    operations = [migrations.RunPython(rename_uploads, migrations.RunPython.noop)]
