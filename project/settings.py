"""Settings for the interview workbench.

One file, read from the environment with safe defaults (see the table in README.md). Debug is off
unless ``DJANGO_DEBUG`` is set; with debug off a ``DJANGO_SECRET_KEY`` is required.
"""

import os
import shutil
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable.

    Args:
        name: the variable's name.
        default: the value when the variable is unset or empty.

    Returns:
        True for "1", "true", "yes" or "on" (any case), False for anything else that is set.
    """
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    return value in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable as a list of stripped, non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")
TESTING = env_bool("DJANGO_TESTING")
BENCHMARK_VIEWS = env_bool("DJANGO_BENCHMARK_VIEWS")  # baseline views for `make bench`

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "insecure-development-key-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "project.apps.WorkbenchAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "allauth",
    "allauth.account",
    "django_htmx",
    "django_filters",
    "django_tasks_db",
    "simple_history",
    "tailwind",
    "theme",
    "glossary",
    "interviews",
]

MIDDLEWARE = [
    # Compresses HTML for browsers that accept it; Django's adds random padding against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "project.middleware.HtmxMessagesMiddleware",
]

ROOT_URLCONF = "project.urls"
INTERNAL_IPS = ["127.0.0.1", "::1"] if DEBUG else []

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "project.context_processors.roles",
                "project.context_processors.notifications",
            ],
        },
    },
]

# Forms render through templates/django/forms/, so every form shares one field layout.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "project.wsgi.application"
ASGI_APPLICATION = "project.asgi.application"

# Database: SQLite under var/ unless DATABASE_URL names another (PostgreSQL in production).
VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=600,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compilation costs more than it saves on this app's queries: it compiled the review's
    # aggregate on every request (2.9-3.4 s with it, 1.0-1.5 s without; docs/performance.md).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Persistent connections buy nothing for a local file and keep it locked longer.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,  # seconds to wait for another writer (autosaves overlap with ratings)
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

# Cache: login rate limits live here, so every app process must share it. Redis when REDIS_URL
# is set (several servers), falling back to process memory while Redis is down; otherwise files
# under var/cache, shared by the processes of one machine (`make serve` runs two workers).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "project.cache.FallbackRedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(VAR_DIR / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }

# Sessions live in the database and are read through the shared cache, so most requests read
# them without a query (a session row is written to both).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Accounts (django-allauth): email + password, no public sign-up, login rate limits in the cache.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "interviews:dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_ADAPTER = "project.accounts.AccountAdapter"
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/300s/key"}
# How many proxies in front of the app append to X-Forwarded-For (the compose file's proxy: 1).
# With 0, the per-address limit uses the connection's address, which behind a proxy is the proxy.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False

# Email: SMTP from the environment; the console (the worker's log) in debug, in tests, and when
# EMAIL_HOST is not set, so a server started without a mail server still runs and shows its mail.
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "workbench@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if DEBUG or TESTING or not os.environ.get("EMAIL_HOST"):
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["EMAIL_HOST"],
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": 20,
            },
        }
    }
# The address people use to reach the app, for links in emails.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Background tasks (notification emails, the daily reminder): Django's Tasks framework, queued in
# the database and run by `manage.py db_worker` (started by `make run`, `make serve` and the
# compose file's `worker` service).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The daily reminder runs on working days at this hour (TIME_ZONE).
REMINDER_HOUR = int(os.environ.get("DJANGO_REMINDER_HOUR", "8"))

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

TAILWIND_APP_NAME = "theme"
NPM_BIN_PATH = shutil.which("npm") or "npm"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Security headers. A strict Content-Security-Policy: scripts only from this host or with the
# per-request nonce; styles only from files on this host (so no style="" attributes anywhere).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
# Browser features the app never uses are turned off for it and anything it might embed.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True

if not DEBUG and not TESTING:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# The shipped question bank and glossary (see docs/content-format.md).
CONTENT_DIR = BASE_DIR / "content"

# Screenings awaiting a decision for more than this many working days are pointed out to the
# position's hiring managers on their dashboard.
DECISION_WAIT_WORKING_DAYS = int(os.environ.get("DJANGO_DECISION_WAIT_WORKING_DAYS", "3"))

# Agreement (Krippendorff's alpha) is shown only over at least this many answers rated by two or
# more people. A person is "calibrated" for a kit when their agreement with the engineers on its
# practice answers is at least DJANGO_CALIBRATED_ALPHA over at least
# DJANGO_CALIBRATION_MIN_RATINGS rated answers (see interviews/calibration.py).
AGREEMENT_MIN_UNITS = int(os.environ.get("DJANGO_AGREEMENT_MIN_UNITS", "10"))
CALIBRATION_MIN_RATINGS = int(os.environ.get("DJANGO_CALIBRATION_MIN_RATINGS", "20"))
CALIBRATED_ALPHA = float(os.environ.get("DJANGO_CALIBRATED_ALPHA", "0.8"))
# Question statistics (for bank admins) resting on fewer screenings than this are hidden.
QUESTION_STATS_MIN = int(os.environ.get("DJANGO_QUESTION_STATS_MIN", "10"))
