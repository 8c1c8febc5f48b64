"""Reminder mails: what is due (``kinds``), sending it exactly once (``dispatcher``), and
what a mail looks like (``mail``).

Adding a kind of reminder: add its code to ``accounts.choices.ReminderKind`` (so people can
switch it off), write a ``Kind`` subclass with ``due()`` in ``kinds.py`` decorated with
``@register``, and its three templates under ``sessions/email/`` (subject, text, HTML).
A reminder about something other than a meeting sets ``Due.object_id`` (stored on the
delivery as ``object_id``); the shadowing kinds in ``kinds_shadowing.py`` show how.
"""
