"""Which meetings a person may see."""

from django.db.models import Q, QuerySet

from networks.models import Membership

from ..models import Meeting


def meetings_visible_to(user) -> QuerySet[Meeting]:
    """Meetings of the person's current networks, and exchanges those networks are invited to."""
    if not user.is_authenticated:
        return Meeting.objects.none()
    network_ids = Membership.objects.current().filter(user=user).values("network_id")
    return Meeting.objects.filter(
        Q(network_id__in=network_ids) | Q(invited_networks__in=network_ids)
    ).distinct()
