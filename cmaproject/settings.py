"""Settings for the CMA pipeline, read from environment variables (README, "Settings").

With no variables set it runs on the embedded default: SQLite, django-q2's ORM
broker, local file storage and the console email backend.
"""

import os
import tempfile
from pathlib import Path

import dj_database_url

from cmaproject.env import ImproperEnv, env_bool, env_int, env_list, env_rate, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperEnv("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "insecure-development-key-set-SECRET_KEY-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://localhost:8000").rstrip("/")
# Behind HTTPS (a proxy that sets X-Forwarded-Proto): secure cookies, redirects, HSTS.
HTTPS = env_bool("HTTPS", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
# The portal runs on a host of its own (cma.firm.in), so HSTS may cover that host's
# subdomains. Preload commits the whole registrable domain, the firm's decision, not
# ours: opt-in with HSTS_PRELOAD=1, and Django's nudge towards it is silenced meanwhile.
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS and env_bool("HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# The page scripts read the CSRF token from the form, never from the cookie.
CSRF_COOKIE_HTTPONLY = True

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_q",
    "anymail",
    "projects",
    "pipeline",
    "reviews",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "projects.middleware.FirmTimezoneMiddleware",
]

ROOT_URLCONF = "cmaproject.urls"
WSGI_APPLICATION = "cmaproject.wsgi.application"
ASGI_APPLICATION = "cmaproject.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0, minimum=0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Workers and the web process share one file: wait for a lock instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 30
# One test database per test run, so that two runs on one machine never share one; on
# SQLite a file, not memory, so that a test's qcluster process sees the test database.
DATABASES["default"].setdefault("TEST", {})["NAME"] = (
    str(Path(tempfile.gettempdir()) / f"cma-test-db-{os.getpid()}.sqlite3")
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    else f"test_{DATABASES['default']['NAME']}_{os.getpid()}"
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = ["projects.auth.EmailBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "projects:list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-in"
FORMAT_MODULE_PATH = ["cmaproject.formats"]  # en-IN dates as the portal writes them
TIME_ZONE = env_str("TIME_ZONE", "Asia/Kolkata")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# The web process serves the stylesheet and scripts itself (after collectstatic), so a
# deployment needs no separate static file server.
if not DEBUG:  # in development, runserver serves them
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Uploads and workbooks: files under MEDIA_ROOT on one host; with web processes and
# workers on several hosts, an S3-compatible bucket they all share (docs/deploy.md).
STORAGE_BACKEND = env_str("STORAGE_BACKEND", "filesystem")
if STORAGE_BACKEND == "s3":
    if not env_str("AWS_STORAGE_BUCKET_NAME"):
        raise ImproperEnv("STORAGE_BACKEND=s3 needs AWS_STORAGE_BUCKET_NAME, the bucket to use")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "addressing_style": env_str("AWS_S3_ADDRESSING_STYLE") or None,
            # Unset, boto3 finds credentials itself (instance role, ~/.aws).
            "access_key": env_str("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY") or None,
            # Clients' statements: private objects, read only through the app's own views.
            "default_acl": env_str("AWS_DEFAULT_ACL", "private") or None,
            "querystring_auth": True,
            # A name already taken gets a new one, as on the file system: never overwrite.
            "file_overwrite": False,
        },
    }
elif STORAGE_BACKEND != "filesystem":
    raise ImproperEnv(
        f"STORAGE_BACKEND={STORAGE_BACKEND!r} is unknown; use 'filesystem' (the default) or 's3'"
    )
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "media/"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# A file past EXTRACT_MAX_FILE_BYTES is counted, never kept (projects.uploads).
FILE_UPLOAD_HANDLERS = [
    "projects.uploads.SizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Email: console by default; any Django or anymail backend in production, e.g.
# EMAIL_BACKEND=anymail.backends.mailgun.EmailBackend with ANYMAIL_MAILGUN_API_KEY.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "CMA Pipeline <cma@localhost>")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10, minimum=1)
# The longest a pipeline waits for one notification email, whatever the backend does.
HOOK_TIMEOUT_SECONDS = env_int("HOOK_TIMEOUT_SECONDS", 30, minimum=1)
ANYMAIL = {
    key.removeprefix("ANYMAIL_"): value
    for key, value in os.environ.items()
    if key.startswith("ANYMAIL_")
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "projects.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "CMA Pipeline API",
    "DESCRIPTION": "Upload financial statements, run the pipeline, review, download the CMA.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema and every documentation page built on it (drf-spectacular's views read
    # these) are for members: signed out, by session or token, they answer 401.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "REDOC_DIST": "SIDECAR",
}

# Pipeline timing. django-q2 kills a task after PIPELINE_TASK_TIMEOUT. A claim waits
# in the queue for at most PIPELINE_QUEUE_LEASE_SECONDS; once a worker begins it, the
# worker's heartbeat renews a short lease (PIPELINE_LEASE_SECONDS) every
# PIPELINE_HEARTBEAT_SECONDS, so the sweep (every PIPELINE_SWEEP_MINUTES) finds a dead
# worker within about two minutes. The claim's token guards every write, so a worker
# that was wrongly given up cannot overwrite the run that replaced it.
PIPELINE_TASK_TIMEOUT = env_int("PIPELINE_TASK_TIMEOUT", 1800, minimum=5)
PIPELINE_QUEUE_LEASE_SECONDS = env_int(
    "PIPELINE_QUEUE_LEASE_SECONDS", PIPELINE_TASK_TIMEOUT + 120, minimum=5
)
PIPELINE_LEASE_SECONDS = env_int("PIPELINE_LEASE_SECONDS", 30, minimum=3)
PIPELINE_HEARTBEAT_SECONDS = env_int(
    "PIPELINE_HEARTBEAT_SECONDS", max(PIPELINE_LEASE_SECONDS // 3, 1), minimum=1
)
if PIPELINE_HEARTBEAT_SECONDS * 2 > PIPELINE_LEASE_SECONDS:
    raise ImproperEnv(
        "PIPELINE_LEASE_SECONDS must be at least twice PIPELINE_HEARTBEAT_SECONDS, "
        "so that one missed beat does not lose a running worker"
    )
PIPELINE_SWEEP_MINUTES = env_int("PIPELINE_SWEEP_MINUTES", 1, minimum=1)

REDIS_URL = env_str("REDIS_URL")
Q_CLUSTER = {
    "name": env_str("Q_CLUSTER_NAME", "cma"),
    "workers": env_int("Q_WORKERS", 2, minimum=1),
    "timeout": PIPELINE_TASK_TIMEOUT,
    "retry": PIPELINE_TASK_TIMEOUT + 60,
    # Back-off and recovery are ours (pipeline.retrying, pipeline.claims): a task
    # is delivered once, never redelivered by django-q2.
    "max_attempts": 1,
    "ack_failures": True,
    "save_limit": 1000,
    "catch_up": False,
    "sync": env_bool("Q_SYNC", False),
    "poll": 1,
    # Non-daemonic workers may start processes of their own: a long PDF is read on
    # EXTRACT_WORKERS cores.
    "daemonize_workers": False,
    # A worker that has read a heavy file keeps the memory (Python rarely hands it back):
    # it is replaced by a fresh one after Q_RECYCLE runs, or after a run in which its
    # peak passed Q_MAX_RSS_MB (django-q2 checks after each task; max_rss is in KB).
    "recycle": env_int("Q_RECYCLE", 50, minimum=1),
    "max_rss": env_int("Q_MAX_RSS_MB", 512, minimum=64) * 1024,
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"
# The rate limits and the sign-in throttle count in this cache, so every web process
# must share it: Redis when REDIS_URL is set, else a table of the database (its
# migration projects/0003 creates it).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "cma_cache",
        # Past MAX_ENTRIES the table sheds a third of its rows, counts included: Django's
        # 300 would let a guesser with a few addresses wipe an account's count.
        "OPTIONS": {"MAX_ENTRIES": 50_000},
    }
}
# Per member, on the API and the portal alike (projects.throttles). One upload is one
# file from the portal; a CA in loan season uploads a few dozen clients' statements in
# an hour and processes each once or twice.
THROTTLE_RATES = {
    "upload": env_rate("THROTTLE_UPLOAD_RATE", "600/hour"),
    "process": env_rate("THROTTLE_PROCESS_RATE", "120/hour"),
}

# Sign-in (projects.signin): wrong passwords allowed per account and per client address
# within the window before signing in waits. Behind NUM_PROXIES proxies that append to
# X-Forwarded-For (nginx in docs/deploy.md: 1), the client is read from that header.
SIGNIN_ACCOUNT_FAILURES = env_int("SIGNIN_ACCOUNT_FAILURES", 5, minimum=1)
SIGNIN_ADDRESS_FAILURES = env_int("SIGNIN_ADDRESS_FAILURES", 20, minimum=1)
SIGNIN_WINDOW_MINUTES = env_int("SIGNIN_WINDOW_MINUTES", 15, minimum=1)
REST_FRAMEWORK["NUM_PROXIES"] = env_int("NUM_PROXIES", 0, minimum=0)

# Extraction guard rails, checked before a file is parsed.
EXTRACT_MAX_FILE_BYTES = env_int("EXTRACT_MAX_FILE_BYTES", 50 * 1024 * 1024, minimum=1024)
EXTRACT_MAX_PDF_PAGES = env_int("EXTRACT_MAX_PDF_PAGES", 500, minimum=1)
EXTRACT_MAX_WORKBOOK_CELLS = env_int("EXTRACT_MAX_WORKBOOK_CELLS", 2_000_000, minimum=1000)
# Counted in the file's bytes before any parser holds it: a workbook of 600,000 texts or
# a CSV of a million lines would hold a worker (and its memory) for a minute.
EXTRACT_MAX_SHARED_STRINGS = env_int("EXTRACT_MAX_SHARED_STRINGS", 100_000, minimum=100)
EXTRACT_MAX_ROWS = env_int("EXTRACT_MAX_ROWS", 100_000, minimum=100)
EXTRACT_MAX_UNZIPPED_BYTES = env_int("EXTRACT_MAX_UNZIPPED_BYTES", 200 * 1024 * 1024, minimum=1024)
EXTRACT_WORKERS = env_int("EXTRACT_WORKERS", 2, minimum=1)
# Scanned pages (pipeline.readers.ocr): tesseract processes at once, and how sure (0-100)
# OCR must be of a figure no total checks, and of a page on average, to keep it unasked.
OCR_WORKERS = env_int("OCR_WORKERS", os.cpu_count() or 1, minimum=1)
OCR_MIN_CONFIDENCE = env_int("OCR_MIN_CONFIDENCE", 80, minimum=0)
OCR_PAGE_MIN_CONFIDENCE = env_int("OCR_PAGE_MIN_CONFIDENCE", 60, minimum=0)

# Optional external classifier (an OpenAI-compatible chat API); off unless a URL is set.
CLASSIFIER_LLM_URL = env_str("CLASSIFIER_LLM_URL")
CLASSIFIER_LLM_API_KEY = env_str("CLASSIFIER_LLM_API_KEY")
CLASSIFIER_LLM_MODEL = env_str("CLASSIFIER_LLM_MODEL", "gpt-4o-mini")
CLASSIFIER_LLM_TIMEOUT = env_int("CLASSIFIER_LLM_TIMEOUT", 30, minimum=1)
# Rupees per 1,000 tokens, to count the external classifier into the project's cost.
CLASSIFIER_LLM_INPUT_COST_PER_1K = env_str("CLASSIFIER_LLM_INPUT_COST_PER_1K", "0.0125")
CLASSIFIER_LLM_OUTPUT_COST_PER_1K = env_str("CLASSIFIER_LLM_OUTPUT_COST_PER_1K", "0.05")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Tests only: swap a step for a test step in a real worker, e.g.
# "extract=tests.pipeline.worker_steps.slow_extract".
PIPELINE_STEP_OVERRIDES = dict(
    pair.split("=", 1) for pair in env_list("PIPELINE_STEP_OVERRIDES", []) if "=" in pair
)
