"""``manage.py seed_demo``: fill a development database with the fictional demo networks.

The building happens in :mod:`networks.demo`; this command checks that it may run, calls
it, and prints what was created and the demo logins.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from networks.demo import DEMO_PASSWORD, demo_logins, seed
from networks.models import Network


class Command(BaseCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Set per instance so that the help is in the language active when it is shown.
        self.help = _("Create fictional demo networks, people and logins (development only).")

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help=_("Build N copies of everything, for performance work (default 1)."),
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help=_("Do nothing when the database already holds networks."),
        )

    def handle(self, *args, scale: int, if_empty: bool, **options):
        if not settings.DEBUG:
            raise CommandError(
                _(
                    "seed_demo refuses to run with DEBUG off: it creates accounts with a "
                    "published password and must never touch a production database."
                )
            )
        if scale < 1:
            raise CommandError(_("--scale must be a whole number of 1 or more."))

        if if_empty and Network.objects.exists():
            self.stdout.write(_("The database already holds networks; nothing was added."))
        else:
            ctx = seed(scale=scale, stdout=self.stdout)
            self._report(ctx.created)
        self._print_logins()

    def _report(self, created) -> None:
        if not created:
            self.stdout.write(_("The demo data was already there; nothing was added."))
            return
        self.stdout.write(self.style.SUCCESS(_("Demo data created:")))
        width = max(len(str(model._meta.verbose_name_plural)) for model in created)
        for model, count in created.items():
            name = capfirst(str(model._meta.verbose_name_plural))
            self.stdout.write(f"  {name:<{width}}  {count:>7}")

    def _print_logins(self) -> None:
        rows = [row for row in demo_logins() if row[3]]
        if not rows:
            self.stdout.write(_("This database has no demo accounts."))
            return
        header = (_("Role"), _("E-mail address"), _("Name"))
        widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(3)]
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                _("Demo logins (password for every account: %(password)s)")
                % {"password": DEMO_PASSWORD}
            )
        )
        self.stdout.write(_table_row(header, widths))
        self.stdout.write("  ".join("-" * w for w in widths))
        for label, email, name, _exists in rows:
            self.stdout.write(_table_row((label, email, name), widths))


def _table_row(cells, widths) -> str:
    return "  ".join(f"{c:<{w}}" for c, w in zip(cells, widths, strict=True)).rstrip()
