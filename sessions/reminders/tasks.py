"""Celery tasks of the meetings app. Thin: the work lives in ``sessions.reminders``."""

from celery import shared_task


@shared_task(name="sessions.reminders.tasks.reminders_dispatch", ignore_result=True)
def reminders_dispatch() -> dict:
    """Beat runs this every REMINDERS_DISPATCH_INTERVAL seconds (default 60). Safe to run
    twice at once or to repeat: every reminder is a row with a unique key, claimed once."""
    from .dispatcher import dispatch

    return dispatch()
