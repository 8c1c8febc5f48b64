"""Certificates of attendance: a PDF (WeasyPrint) with the person's name, the network, each
attended meeting with its date, format and hours, the total, the network's sign-off and a
verification code that the platform's public page checks.

WeasyPrint fetches nothing from outside: the certificate is plain HTML and CSS from a
template, its QR code an inline SVG, and the URL fetcher refuses every address.
"""

from dataclasses import dataclass
from datetime import date

import segno
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from networks.choices import Role
from networks.models import Membership

from ..models import Certificate
from ..selectors.hours import NetworkHours, hours_in_network


def verify_url(code: str) -> str:
    return f"{settings.SITE_URL}{reverse('meetings:certificate_verify')}?code={code}"


def _refuse_fetch(url: str, *args, **kwargs):
    """WeasyPrint's URL fetcher: the certificate needs nothing from outside."""
    raise ValueError(f"the certificate fetches nothing ({url})")


@dataclass
class CertificateFile:
    certificate: Certificate
    pdf: bytes

    @property
    def filename(self) -> str:
        return f"certificaat-{self.certificate.network.slug}-{self.certificate.code}.pdf"


@transaction.atomic
def certificate_issue(*, user, network, start: date, end: date) -> CertificateFile:
    """Issue a certificate of the person's attended meetings of ``network`` from ``start``
    to ``end``. Side effects: one Certificate row (what the PDF says, under a new
    verification code). Raises ValidationError, changing nothing, when there is nothing to
    certify or the period is reversed."""
    if end < start:
        raise ValidationError(_("The end date lies before the start date."))
    group = hours_in_network(user, network, start, end)
    if not group.meetings:
        raise ValidationError(
            _("You attended no meetings of %(network)s in this period.") % {"network": network}
        )
    certificate = Certificate.objects.create(
        user=user,
        network=network,
        holder_name=user.get_full_name(),
        network_name=network.name,
        period_start=start,
        period_end=end,
        meetings=len(group.meetings),
        hours=group.hours,
    )
    with translation.override(user.language or settings.LANGUAGE_CODE):
        pdf = certificate_pdf(certificate, group)
    return CertificateFile(certificate, pdf)


def coordinators_of(network) -> list[str]:
    return [
        m.user.get_full_name()
        for m in Membership.objects.current()
        .filter(network=network, role=Role.COORDINATOR)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    ]


def certificate_pdf(certificate: Certificate, group: NetworkHours) -> bytes:
    """The certificate as PDF bytes, in the active language."""
    from weasyprint import HTML

    url = verify_url(certificate.code)
    qr = segno.make(url, error="m").svg_inline(scale=3, border=1, omitsize=True)
    html = render_to_string(
        "meetings/certificate_pdf.html",
        {
            "certificate": certificate,
            "meetings": group.meetings,
            "coordinators": coordinators_of(certificate.network),
            "verify_url": url,
            "verify_page": f"{settings.SITE_URL}{reverse('meetings:certificate_verify')}",
            "qr_svg": qr,
            "issued_on": timezone.localdate(certificate.issued_at),
        },
    )
    return HTML(string=html, url_fetcher=_refuse_fetch, base_url=settings.SITE_URL).write_pdf()
