"""Django's and allauth's own words that the platform translates itself, for one voice.

Our catalogue (LOCALE_PATHS) wins over Django's and allauth's, so marking these strings here
keeps them in ``locale/nl`` through ``make messages``. We use them to

- say "Inloggen" like the rest of the platform instead of allauth's "Aanmelden";
- say *je* where Django's and allauth's Dutch say *u*, *uw* or *a.u.b.*;
- translate what Django 5.2 changed without a Dutch translation yet: the short-password
  error ("…at least %d characters."), which appeared in English on the Dutch sign-up page.

``tests/accounts/test_voice.py`` checks that the password validators' messages come out Dutch
on the sign-up and password-change pages and that no *u* is left in these texts.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

TERMS = (
    gettext_noop("Sign In"),
    gettext_noop("Sign Up"),
    gettext_noop("Sign Out"),
)

VOICE = (
    # allauth: password reset and e-mail verification pages.
    gettext_noop("Please contact us if you have any trouble resetting your password."),
    gettext_noop(
        "We have sent you an email. If you have not received it please check your spam "
        "folder. Otherwise contact us if you do not receive it in a few minutes."
    ),
    gettext_noop(
        "We have sent an email to you for verification. Follow the link provided to "
        "finalize the signup process. If you do not see the verification email in your main "
        "inbox, check your spam folder. Please contact us if you do not receive the "
        "verification email within a few minutes."
    ),
    gettext_noop(
        "We have sent an email to you for\nverification. Please click on the link inside "
        "that email. If you do not see the verification email in your main inbox, check your "
        "spam folder. Otherwise\ncontact us if you do not receive it within a few minutes."
    ),
    gettext_noop(
        "We have sent you an e-mail. Please contact us if you do not receive it within a "
        "few minutes."
    ),
    # Django: password validators and the password-change form.
    gettext_noop("Your old password was entered incorrectly. Please enter it again."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
)
