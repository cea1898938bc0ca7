"""Uploads and workbooks in an S3-compatible bucket, configured only by environment variables.

moto's S3 server runs in this process on 127.0.0.1. The web server and the qcluster
are real processes started with STORAGE_BACKEND=s3, as every host of a deployment is:
nothing may land on their local disk.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import runpy
from pathlib import Path
from unittest import mock

import boto3
import openpyxl
import pytest
import requests
from django.test import override_settings
from moto.server import ThreadedMotoServer

from cmaproject.env import ImproperEnv
from projects.models import Project
from tests.groundtruth import SAMPLES, load
from tests.pipeline.worker import qcluster, web_server
from tests.scale.clusters import stop
from tests.scale.http import api_session
from tests.test_end_to_end import start, stopped

COMPANY = "annapurna-foods"
BUCKET = "cma-uploads"
REGION = "ap-south-1"
SETTINGS_FILE = Path(__file__).resolve().parents[2] / "cmaproject" / "settings.py"


def settings_with(env: dict[str, str]) -> dict:
    """The settings module's globals as a process started with `env` would compute them."""
    with mock.patch.dict(os.environ, env):
        return runpy.run_path(str(SETTINGS_FILE))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def s3():
    """A moto S3 server with an empty bucket: (boto3 client, the environment that uses it)."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    env = {
        "STORAGE_BACKEND": "s3",
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": f"http://{host}:{port}",
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": "moto-test-key",
        "AWS_SECRET_ACCESS_KEY": "moto-test-secret",
    }
    client = boto3.client(
        "s3",
        endpoint_url=env["AWS_S3_ENDPOINT_URL"],
        region_name=REGION,
        aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
    )
    # moto keeps its buckets per process, not per server: forget an earlier test's.
    requests.post(f"{env['AWS_S3_ENDPOINT_URL']}/moto-api/reset", timeout=10).raise_for_status()
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    yield client, env
    server.stop()


def bucket_objects(client) -> dict[str, bytes]:
    listed = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    return {o["Key"]: client.get_object(Bucket=BUCKET, Key=o["Key"])["Body"].read() for o in listed}


def test_storage_backend_unset_keeps_files_under_media_root():
    computed = settings_with({"STORAGE_BACKEND": "filesystem"})
    assert computed["STORAGES"]["default"]["BACKEND"].endswith("FileSystemStorage")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"STORAGE_BACKEND": "s3", "AWS_STORAGE_BUCKET_NAME": ""}, "needs AWS_STORAGE_BUCKET_NAME"),
        ({"STORAGE_BACKEND": "gcs"}, "use 'filesystem' (the default) or 's3'"),
    ],
)
def test_a_storage_setting_that_cannot_work_stops_the_process(env, message):
    with pytest.raises(ImproperEnv, match=re.escape(message)):
        settings_with(env)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_uploads_and_the_workbook_live_in_the_bucket(ca, tmp_path, media_root, s3):
    client, env = s3
    files = [p for p in sorted((SAMPLES / COMPANY).iterdir()) if p.name != "ground_truth.json"]
    with web_server(tmp_path, **env) as url, qcluster(tmp_path, **env) as cluster:
        http = api_session(url, ca)
        project_id = start(http, COMPANY, load(COMPANY))
        accepted = http.post(
            f"{http.base}/projects/{project_id}/process", json={"options": {"skip_review": True}}
        )
        assert accepted.status_code == 202, accepted.text
        assert stopped(http, project_id, 120)["status"] == "completed"
        download = http.get(f"{http.base}/projects/{project_id}/cma.xlsx")
        stop([cluster])
    assert download.status_code == 200
    assert openpyxl.load_workbook(io.BytesIO(download.content)).sheetnames

    stored = bucket_objects(client)
    digests = {sha256(data) for data in stored.values()}
    assert {sha256(p.read_bytes()) for p in files} <= digests  # every upload, byte for byte
    assert sha256(download.content) in digests  # the workbook the API served
    assert len(stored) == len(files) + 1
    assert all(key.startswith(f"projects/{project_id}/") for key in stored)
    assert not media_root.exists() or not any(media_root.rglob("*"))

    for key in stored:
        grants = client.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
        assert not [g for g in grants if g["Grantee"].get("Type") == "Group"]  # no public read

    # The rows point at the bucket: this process reads them back through the model.
    with override_settings(STORAGES=settings_with(env)["STORAGES"]):
        project = Project.objects.get(pk=project_id)
        for source in project.files.all():
            with source.file.open("rb") as handle:
                assert sha256(handle.read()) == source.sha256
        with project.cma.workbook.open("rb") as handle:
            assert handle.read() == download.content
