"""Permission matrix entries of the networks app and the project-level pages."""

from networks.choices import Role
from tests.factories import InvitationFactory, MembershipFactory, UserFactory
from tests.matrix import LOGIN, Entry, coordinators, everyone, members, signed_in


def _target_membership(w):
    return MembershipFactory(network=w.network, user=UserFactory(), role=Role.PROFESSIONAL).pk


def _foreign_membership(w):
    return MembershipFactory(network=w.other_network, user=UserFactory()).pk


def _invitation(w):
    return InvitationFactory(network=w.network).pk


def _foreign_invitation(w):
    return InvitationFactory(network=w.other_network).pk


staff_only = signed_in(403, staff=200)

ENTRIES = [
    Entry("home", expect=signed_in(200)),
    Entry("accounts:profile", expect=signed_in(200)),
    Entry(
        "accounts:language",
        method="post",
        data=lambda w: {"language": "en", "next": "/"},
        expect=everyone(302),
    ),
    Entry("networks:detail", args=lambda w: [w.network.slug], expect=members(200)),
    Entry("networks:members", args=lambda w: [w.network.slug], expect=members(200)),
    Entry("networks:invite", args=lambda w: [w.network.slug], expect=coordinators(200)),
    Entry(
        "networks:invite",
        label="post",
        method="post",
        args=lambda w: [w.network.slug],
        data=lambda w: {"email": "new.person@example.org", "role": "student"},
        expect=coordinators(302),
    ),
    Entry(
        "networks:invitation_revoke",
        method="post",
        args=lambda w: [w.network.slug, _invitation(w)],
        foreign_args=lambda w: [w.network.slug, _foreign_invitation(w)],
        expect=coordinators(302),
    ),
    Entry(
        "networks:membership_edit",
        args=lambda w: [w.network.slug, _target_membership(w)],
        foreign_args=lambda w: [w.network.slug, _foreign_membership(w)],
        expect=coordinators(200),
    ),
    Entry(
        "networks:membership_end",
        method="post",
        args=lambda w: [w.network.slug, _target_membership(w)],
        foreign_args=lambda w: [w.network.slug, _foreign_membership(w)],
        expect=coordinators(302),
    ),
    Entry(
        "networks:invitation",
        args=lambda w: [InvitationFactory(network=w.network).token],
        # Anonymous visitors see the sign-up form; a signed-in person with another address
        # is told the invitation is not theirs.
        expect=everyone(403, anonymous=200),
    ),
    Entry("networks:create", expect=staff_only),
    Entry(
        "networks:create",
        label="post",
        method="post",
        data=lambda w: {
            "name": "LIN Noord",
            "kind": "nursing_home",
            "coordinator_email": "c@example.org",
        },
        expect=signed_in(403, staff=302),
    ),
    Entry("networks:staff_list", expect=staff_only),
]

assert LOGIN  # re-exported for readers of this table
