#!/usr/bin/env bash
# Reminders against a misbehaving SMTP server, end to end: real Celery workers and beat on
# Redis (db 7, our own), PostgreSQL (a database of its own), the faulty sink of
# tests/e2e/smtp_sink.py; then a kill -9 of the worker in the middle of a batch, whose
# duplicates must stay within one chunk (REMINDERS_MARK_EVERY). Prints the measured figures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

postgres="${CI_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
export DATABASE_URL="${postgres%/*}/lin_reminder_faults"
export LIN_E2E_FAULTS=1
export LIN_E2E_FAULTS_REDIS_URL="${LIN_E2E_FAULTS_REDIS_URL:-redis://127.0.0.1:6379/7}"
export CI="${CI:-true}"

.venv/bin/python -m pytest -m e2e -p no:randomly -s -q --create-db \
    tests/e2e/test_reminder_faults_e2e.py
