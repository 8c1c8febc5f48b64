"""Reminder mails: what is due (``kinds``), sending it exactly once (``dispatcher``), and
what a mail looks like (``mail``).

Adding a kind of reminder: write a ``Kind`` subclass (``code``, translated ``label`` and
``order`` under My reminders, where people switch it off) with ``due()`` in the feature
app's ``reminders.py``, register it from that app's ``AppConfig.ready()``
(``register_kinds``), and add its three templates (subject, text, HTML). A reminder about
something other than a meeting sets ``Due.object_id`` (stored on the delivery as
``object_id``); the shadowing kinds in ``sessions/shadowing/reminders.py`` show how.
"""
