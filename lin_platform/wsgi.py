"""WSGI entry point (gunicorn lin_platform.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lin_platform.settings")
application = get_wsgi_application()
