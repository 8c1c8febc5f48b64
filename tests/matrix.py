"""The permission matrix: who gets which answer from every URL of our apps.

Each app lists its URLs in ``tests/<app>/matrix.py`` as ``ENTRIES``: a URL name, how to
build its arguments inside a small world (a network with one person per role, another
network, an outsider and a staff member), the method, and the expected answer per actor.
``tests/test_permission_matrix.py`` runs every (entry, actor) pair on a fresh database and
fails when an URL pattern of ours has no entry, so every new view must say who may see it.

Expected answers are status codes, or ``LOGIN`` for "redirected to the sign-in page".
For actors that are refused (403/404/login), the database must be unchanged afterwards.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from networks.choices import Role

LOGIN = "login"

ROLES = [role.value for role in Role]
ACTORS = ["anonymous", *ROLES, "outsider", "other_coordinator", "staff"]


@dataclass
class World:
    network: Any
    other_network: Any
    people: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)

    def user(self, actor: str):
        return None if actor == "anonymous" else self.people[actor]


@dataclass
class Entry:
    name: str
    args: Callable[[World], list] = lambda w: []
    method: str = "get"
    data: Callable[[World], dict] = lambda w: {}
    expect: dict[str, Any] = field(default_factory=dict)
    # Arguments naming an object of another network, tried by this network's coordinator
    # (and every other role): must answer 404 and change nothing.
    foreign_args: Callable[[World], list] | None = None
    label: str = ""

    @property
    def id(self) -> str:
        return f"{self.name}{'-' + self.label if self.label else ''}"


def members(ok: Any = 200, **overrides) -> dict[str, Any]:
    """Every current member gets ``ok``; non-members 404; anonymous to the sign-in page."""
    table = {"anonymous": LOGIN, "outsider": 404, "other_coordinator": 404, "staff": 404}
    table.update(dict.fromkeys(ROLES, ok))
    table.update(overrides)
    return table


def only(roles: list[str], ok: Any = 200, **overrides) -> dict[str, Any]:
    """Only members with one of ``roles`` get ``ok``; other members 403; others 404."""
    table = members(403)
    table.update(dict.fromkeys(roles, ok))
    table.update(overrides)
    return table


def coordinators(ok: Any = 200, **overrides) -> dict[str, Any]:
    return only([Role.COORDINATOR.value], ok, **overrides)


def everyone(ok: Any = 200, **overrides) -> dict[str, Any]:
    table = dict.fromkeys(ACTORS, ok)
    table.update(overrides)
    return table


def signed_in(ok: Any = 200, **overrides) -> dict[str, Any]:
    table = everyone(ok, anonymous=LOGIN)
    table.update(overrides)
    return table
