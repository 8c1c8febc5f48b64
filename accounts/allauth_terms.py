"""allauth's own words that the platform translates itself, for one vocabulary throughout.

Our catalogue (LOCALE_PATHS) wins over allauth's, so marking these strings here lets the
sign-in pages say "Inloggen" like the rest of the platform instead of allauth's "Aanmelden".
"""

from django.utils.translation import gettext_noop

TERMS = (
    gettext_noop("Sign In"),
    gettext_noop("Sign Up"),
    gettext_noop("Sign Out"),
)
