# LIN Platform: one image for the web server (gunicorn), the Celery worker and Celery beat.
# See docker-compose.yml for how the services are put together, and the README for settings.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    LIN_VAR_DIR=/var/lib/lin \
    STATIC_ROOT=/app/staticfiles

RUN groupadd --system lin && useradd --system --gid lin --home-dir /app --no-create-home lin

# WeasyPrint (certificates of attendance, the period report: PDFs) needs Pango and its fonts.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . /app
# Editable, so that the settings find templates/, static/ and locale/ beside the packages.
RUN pip install -e . \
    && pybabel compile -d locale -D django \
    && DEBUG=0 SECRET_KEY=collectstatic-at-build-time-only ALLOWED_HOSTS=localhost \
       python manage.py collectstatic --noinput \
    && mkdir -p "$LIN_VAR_DIR" \
    && chown -R lin:lin "$LIN_VAR_DIR"

USER lin
VOLUME ["/var/lib/lin"]
EXPOSE 8000

CMD ["gunicorn", "lin_platform.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
