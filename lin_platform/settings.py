"""Settings for LIN Platform.

One module, every value from the environment with a safe development default. The
embedded defaults (SQLite file, filesystem broker, mails stored under ``var/mail``) let
the platform run without any server installed; production sets ``DATABASE_URL``,
``REDIS_URL`` and friends (see the README).
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("LIN_VAR_DIR", BASE_DIR / "var"))


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

_DEV_SECRET = "dev-only-insecure-secret-key-change-me"
SECRET_KEY = env("SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
CSRF_FAILURE_VIEW = "lin_platform.views.csrf_failure"
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "allauth",
    "allauth.account",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "csp",
    "accounts",
    "networks",
    "sessions.reminders.apps.RemindersConfig",
    "sessions.meetings.apps.MeetingsConfig",
    "sessions.shadowing.apps.ShadowingConfig",
    "casework",
    "evaluation",
    "reports",
    "search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lin_platform.middleware.PrivateCacheMiddleware",
    "accounts.middleware.PreferredLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "lin_platform.urls"
WSGI_APPLICATION = "lin_platform.wsgi.application"
ASGI_APPLICATION = "lin_platform.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sessions.reminders.context_processors.notifications",
            ],
            "builtins": ["lin_platform.error_summary", "lin_platform.icons"],
        },
    },
]

# --- Database -------------------------------------------------------------------------
# DATABASE_URL selects the database; without it an SQLite file in var/ is used.
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = int(env("DB_CONN_MAX_AGE", "60"))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    # SQLite lets one writer in at a time. A transaction that starts as a reader (DEFERRED,
    # the default) and then writes cannot wait for another writer (the Celery worker, say):
    # SQLite answers "database is locked" at once, whatever the timeout. IMMEDIATE takes the
    # write lock at BEGIN, where the busy timeout applies; WAL lets readers go on meanwhile.
    # (An in-memory database, as in tests, ignores journal_mode=WAL.)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
            ),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (allauth's rate limits need a cache shared by all processes) ---------------
REDIS_URL = env("REDIS_URL", "")
CACHE_URL = env("CACHE_URL", REDIS_URL)
if CACHE_URL.startswith("redis"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

# --- Accounts ----------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SITE_ID = 1
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupProfileForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[LIN] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, spelled out so they are visible and tunable in one place.
    # login_failed: 10 a minute from one address; 5 in 5 minutes per account *and address*
    # (accounts.adapter: a guesser elsewhere does not lock the owner out; a password reset
    # clears the counter of the address it is done from).
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
# The client's address for the rate limits: behind N reverse proxies of our own, the N-th
# address from the right in X-Forwarded-For (0: REMOTE_ADDR, the header is not trusted), or
# a header the proxy sets (e.g. X-Real-IP) when TRUSTED_CLIENT_IP_HEADER names it.
ALLAUTH_TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env("TRUSTED_CLIENT_IP_HEADER", "") or None

# --- Internationalisation ----------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "lin_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files ------------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
# The largest file anyone may upload (project outputs, and case attachments unless
# CASEWORK_ATTACHMENT_MAX_BYTES says otherwise). Uploads are served only through views
# that check access, never from MEDIA_URL.
UPLOAD_MAX_BYTES = int(env("UPLOAD_MAX_BYTES", str(10 * 1024 * 1024)))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- E-mail ------------------------------------------------------------------------------
# Default: every mail is written as a file under var/mail/ (see README). Set EMAIL_HOST to
# send through SMTP instead.
EMAIL_HOST = env("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
else:
    EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = str(VAR_DIR / "mail")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "LIN Platform <noreply@lin-platform.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery ------------------------------------------------------------------------------
# Without a broker URL, kombu's filesystem transport runs everything inside var/celery.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", REDIS_URL or "filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS = {}
if CELERY_BROKER_URL.startswith("filesystem"):
    _broker_dir = VAR_DIR / "celery" / "broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "processed_folder": str(VAR_DIR / "celery" / "processed"),
        "store_processed": False,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celery" / "beat-schedule")

# --- Security ----------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = []

# No inline script or style anywhere: every script and stylesheet is a file under static/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- Platform ----------------------------------------------------------------------------
INVITATION_VALID_DAYS = int(env("INVITATION_VALID_DAYS", "14"))
# Figures about people are never shown for fewer respondents than this (pages, charts,
# exports); see the README's Evaluation section.
EVALUATION_MIN_GROUP = max(1, int(env("EVALUATION_MIN_GROUP", "5")))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# The embedded defaults write under var/: make sure their folders exist before first use.
for _folder in (
    VAR_DIR,
    VAR_DIR / "mail",
    VAR_DIR / "celery" / "broker",
    VAR_DIR / "celery" / "processed",
):
    _folder.mkdir(parents=True, exist_ok=True)

# --- infra ---------------------------------------------------------------------------------
# kombu's filesystem transport keeps its exchange tables in ./control unless told otherwise.
if CELERY_BROKER_URL.startswith("filesystem"):
    CELERY_BROKER_TRANSPORT_OPTIONS["control_folder"] = str(VAR_DIR / "celery" / "control")
    (VAR_DIR / "celery" / "control").mkdir(parents=True, exist_ok=True)

# --- Reminders ---------------------------------------------------------------------------
# Beat starts the dispatcher every REMINDERS_DISPATCH_INTERVAL seconds; each run records what
# is due, then claims and sends for at most REMINDERS_DISPATCH_BUDGET seconds. A row left in
# "sending" longer than REMINDERS_CLAIM_TIMEOUT (a worker died) is claimed again. Retries back
# off exponentially up to REMINDERS_RETRY_MAX_DELAY, kept below half the broker's visibility
# timeout; after REMINDERS_MAX_ATTEMPTS a delivery is marked failed.
REMINDERS_DISPATCH_INTERVAL = float(env("REMINDERS_DISPATCH_INTERVAL", "60"))
REMINDERS_DISPATCH_BUDGET = float(env("REMINDERS_DISPATCH_BUDGET", "50"))
REMINDERS_BATCH_SIZE = int(env("REMINDERS_BATCH_SIZE", "200"))
REMINDERS_CLAIM_TIMEOUT = int(env("REMINDERS_CLAIM_TIMEOUT", "600"))
REMINDERS_RETRY_MAX_DELAY = int(env("REMINDERS_RETRY_MAX_DELAY", "1800"))
REMINDERS_MAX_ATTEMPTS = int(env("REMINDERS_MAX_ATTEMPTS", "8"))
CELERY_BEAT_SCHEDULE = {
    "reminders-dispatch": {
        "task": "sessions.reminders.tasks.reminders_dispatch",
        "schedule": REMINDERS_DISPATCH_INTERVAL,
        # A tick nobody picked up in time is dropped: the next one does the same work.
        "options": {"expires": max(REMINDERS_DISPATCH_INTERVAL, 10)},
    },
}

# --- Casework ----------------------------------------------------------------------------
CASEWORK_ATTACHMENT_MAX_BYTES = int(env("CASEWORK_ATTACHMENT_MAX_BYTES", str(UPLOAD_MAX_BYTES)))
# Archive old cases and purge archived texts every night (Amsterdam time, CELERY_TIMEZONE).
CELERY_BEAT_SCHEDULE["casework-archive"] = {
    "task": "casework.archive_and_purge",
    "schedule": crontab(hour=3, minute=15),
}

# --- reminders sending ---
# Sent mails are marked "sent" in chunks of this many, right after the SMTP server accepted
# them: a worker killed in between resends at most one chunk (same Message-ID).
REMINDERS_MARK_EVERY = int(env("REMINDERS_MARK_EVERY", "50"))
