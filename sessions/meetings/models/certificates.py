"""Certificates of attendance: what was certified, kept so that its verification code can be
checked on the platform's public page.

The row keeps what the PDF said (name, network, period, meetings, hours) at the moment it was
made, so a check shows the certificate as issued, even when a meeting is edited later. It
goes when the person's data is erased (the code then checks as "not found").
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# No 0/O, 1/I/L: read from paper and typed.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12


def new_certificate_code() -> str:
    """Twelve characters (≈ 59 bits): not guessable, so the public check reveals nothing
    by trying codes."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Certificate(models.Model):
    code = models.CharField(
        _("verification code"), max_length=16, unique=True, default=new_certificate_code
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendance_certificates"
    )
    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="attendance_certificates"
    )
    holder_name = models.CharField(_("name"), max_length=200)
    network_name = models.CharField(_("network"), max_length=200)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    meetings = models.PositiveIntegerField(_("meetings"))
    hours = models.DecimalField(_("hours"), max_digits=7, decimal_places=2)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)

    class Meta:
        verbose_name = _("certificate of attendance")
        verbose_name_plural = _("certificates of attendance")
        ordering = ["-issued_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.code} – {self.holder_name}"

    @property
    def code_display(self) -> str:
        """The code in groups of four, as printed."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))
