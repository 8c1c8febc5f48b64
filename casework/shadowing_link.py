"""The link from casework to shadowing days: the one place where casework reads them.

The themes board shows, for each theme, the shadowing reflections that mention it. Who may
open which reflection is decided by shadowing's one visibility rule (``days_visible_to``);
casework only gets a count and the days the viewer may open, never reflection text.
"""

from sessions.shadowing.selectors import Mentions, reflections_mentioning


def theme_reflections(network, themes, viewer, *, limit: int) -> None:
    """Attach ``reflection_mentions`` (a ``Mentions``) to each theme; two queries."""
    mentions = reflections_mentioning(
        network, {theme.pk: theme.name for theme in themes}, viewer, limit=limit
    )
    for theme in themes:
        theme.reflection_mentions = mentions.get(theme.pk, Mentions())


__all__ = ["Mentions", "theme_reflections"]
