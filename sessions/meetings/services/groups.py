"""Writes for breakout groups: divide the people present, move someone by hand."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User

from ..mixing import mix_into_groups
from ..models import BreakoutGroup, BreakoutGroupMember, Meeting
from ..selectors.groups import people_to_divide

MIN_GROUP_SIZE = 2
MAX_GROUP_SIZE = 50


@transaction.atomic
def breakout_groups_make(*, meeting: Meeting, size: int, seed: int) -> list[BreakoutGroup]:
    """Divide the people present (see ``people_to_divide``) into mixed groups of at most
    ``size``, mixing domains and students with professionals (``sessions.meetings.mixing``).

    Side effects: replaces the meeting's groups and their members.
    Raises ValidationError for a size outside 2–50 or when nobody is there to divide.
    """
    if not isinstance(size, int) or not MIN_GROUP_SIZE <= size <= MAX_GROUP_SIZE:
        raise ValidationError(
            _("Choose a group size from %(min)s to %(max)s.")
            % {"min": MIN_GROUP_SIZE, "max": MAX_GROUP_SIZE}
        )
    # Lock the meeting row so that two clicks at once do not interleave.
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    people = people_to_divide(meeting)
    if not people:
        raise ValidationError(
            _("There is nobody to divide yet: register attendance, or wait for answers.")
        )
    by_id = {person.pk: person for person in people}
    division = mix_into_groups(
        [(person.pk, person.domain, person.is_student) for person in people],
        size=size,
        seed=seed,
    )
    BreakoutGroup.objects.filter(meeting=meeting).delete()
    groups = BreakoutGroup.objects.bulk_create(
        [BreakoutGroup(meeting=meeting, number=i) for i in range(1, len(division) + 1)]
    )
    BreakoutGroupMember.objects.bulk_create(
        [
            BreakoutGroupMember(group=group, meeting=meeting, user=by_id[person_id])
            for group, ids in zip(groups, division, strict=True)
            for person_id in ids
        ]
    )
    return groups


def groups_made_message(count: int) -> str:
    return ngettext(
        "The attendees are divided into %(count)s group.",
        "The attendees are divided into %(count)s groups.",
        count,
    ) % {"count": count}


@transaction.atomic
def breakout_group_member_move(*, meeting: Meeting, user_id: int, number: int) -> User:
    """Move a person who is in one of the meeting's groups to group ``number``.

    Side effects: changes that person's group. Raises ValidationError when the person is
    not in a group of this meeting or the group does not exist.
    """
    member = (
        BreakoutGroupMember.objects.select_for_update()
        .select_related("user")
        .filter(meeting=meeting, user_id=user_id)
        .first()
    )
    if member is None:
        raise ValidationError(_("That person is not in a group of this meeting."))
    group = BreakoutGroup.objects.filter(meeting=meeting, number=number).first()
    if group is None:
        raise ValidationError(_("That group does not exist."))
    member.group = group
    member.save(update_fields=["group"])
    return member.user
