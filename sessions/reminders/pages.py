"""Where the reminder log sits among the pages of the apps above, without naming them.

The log is reached from the meetings agenda, so its breadcrumb leads back there; but
``reminders`` sits below ``meetings`` and names none of its URLs. The app that links to the
log registers the crumb from its ``AppConfig.ready()``::

    register_log_parent(label=_("Agenda"), url=lambda network: reverse(...))

Without a registered parent the breadcrumb goes from the network straight to the log.
"""

from collections.abc import Callable

from lin_platform.crumbs import Crumb

_parent: tuple[object, Callable] | None = None


def register_log_parent(*, label, url: Callable) -> None:
    """The crumb between the network and the log: ``label`` linking to ``url(network)``."""
    global _parent
    _parent = (label, url)


def log_parent(network) -> Crumb | None:
    if _parent is None:
        return None
    label, url = _parent
    return Crumb(label=label, url=url(network))
