"""The one declaration of guarded text fields (lin_platform/privacy.py's registry).

Every text field of our models is either guarded or declared not about clients, every
free-text field has a maximum length, and every form of ours that writes a guarded field
refuses a BSN there.
"""

import importlib
import json
import pkgutil

import pytest
from django import forms
from django.apps import apps
from django.db import models
from django.forms import modelform_factory

from lin_platform import privacy

OUR_APPS = ("accounts", "networks", "reminders", "meetings", "shadowing", "casework")
# Not free text: a vocabulary, or a value whose shape the field checks.
STRUCTURED = (models.EmailField, models.URLField, models.SlugField)
BSN_TEXT = "Mevrouw, BSN 123456782, woont alleen."


def our_models():
    return [m for m in apps.get_models() if m._meta.app_label in OUR_APPS]


def text_fields(model):
    for field in model._meta.get_fields():
        if not getattr(field, "concrete", False):
            continue
        if not isinstance(field, models.CharField | models.TextField):
            continue
        if field.choices or isinstance(field, STRUCTURED):
            continue
        yield field


def test_every_text_field_is_guarded_or_declared_not_about_clients():
    guarded = set(privacy.guarded_fields())
    declared = privacy.declared_not_about_clients()
    undeclared = [
        f"{model._meta.label}.{field.name}"
        for model in our_models()
        for field in text_fields(model)
        if (model._meta.label, field.name) not in guarded
        and (model._meta.label, field.name) not in declared
    ]
    assert undeclared == [], (
        "Declare these text fields in their app's privacy.py: privacy.guard(...) when they "
        "could hold a client's story, privacy.not_about_clients(..., reason=...) otherwise."
    )
    assert guarded & set(declared) == set()
    assert all(reason.strip() for reason in declared.values())


def test_the_walk_sees_the_fields_of_every_app():
    labels = {model._meta.app_label for model in our_models() if list(text_fields(model))}
    assert labels == set(OUR_APPS)


def test_the_issue_s_free_texts_are_guarded():
    expected = {
        ("casework.Case", "situation"),
        ("casework.CaseContribution", "text"),
        ("casework.Lesson", "objectives"),
        ("meetings.MeetingRecord", "entries"),  # every part, the case pseudonymised included
        ("meetings.MeetingAction", "text"),
        ("shadowing.ShadowingDay", "learning_goals"),
        ("shadowing.ShadowingDay", "reflection_seen"),
        ("shadowing.ShadowingDay", "same_domain_reason"),
        ("shadowing.ShadowingDay", "decline_reason"),
        ("shadowing.ShadowingSlot", "note"),
        ("networks.PdsaEntry", "plan"),
        ("networks.ThemeProject", "aim"),
    }
    assert expected <= set(privacy.guarded_fields())


def test_every_free_text_field_has_a_maximum_length():
    without = [
        f"{model._meta.label}.{field.name}"
        for model in our_models()
        for field in text_fields(model)
        if not field.max_length
    ]
    assert without == []


@pytest.mark.parametrize("key", sorted(privacy.guarded_fields()), ids="{0[0]}.{0[1]}".format)
def test_a_model_form_on_any_guarded_field_refuses_a_bsn(key, db):
    """The hook reads the registry: a new model form on a guarded field is guarded."""
    model = apps.get_model(key[0])
    field = model._meta.get_field(key[1])
    form_class = modelform_factory(
        model, form=type("Form", (privacy.PrivacyGuardMixin, forms.ModelForm), {}), fields=[key[1]]
    )
    value = BSN_TEXT
    if isinstance(field, models.JSONField):
        value = json.dumps({"method": {"step": BSN_TEXT}})
    form = form_class(data={key[1]: value})
    assert not form.is_valid()
    [message] = form.errors[key[1]]
    assert "(BSN)" in message and "123456782" not in message


def _import_form_modules():
    for package in ("accounts", "networks", "sessions", "casework"):
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, prefix=f"{package}."):
            if "migrations" in info.name or "tests" in info.name:
                continue
            if info.name.rsplit(".", 1)[-1] in {"forms", "admin"} or ".forms." in info.name:
                importlib.import_module(info.name)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_model_form_of_ours_on_a_guarded_field_uses_the_guard():
    _import_form_modules()
    unguarded = []
    for form_class in set(_subclasses(forms.ModelForm)):
        if not form_class.__module__.startswith(("accounts", "networks", "sessions", "casework")):
            continue
        meta = getattr(form_class, "_meta", None)
        if meta is None or meta.model is None:
            continue
        touched = [n for n in form_class.base_fields if privacy.is_guarded(meta.model, n)]
        if touched and not issubclass(form_class, privacy.PrivacyGuardMixin):
            unguarded.append(f"{form_class.__module__}.{form_class.__name__}")
    assert unguarded == []


def _constructors(network, user):
    """How to build each model form of ours that writes a guarded field, for the test below.
    A new such form fails that test until it is added here."""
    from casework.forms import CaseForm, LessonForm
    from casework.models import Case
    from networks.admin import ProjectOutputAdminForm
    from networks.projects.forms import MilestoneForm, OutputForm, PdsaForm, ThemeProjectForm
    from networks.setup.forms import (
        NetworkProfileForm,
        PartnerEditForm,
        PartnerForm,
        SelfCheckForm,
        ThemeForm,
    )
    from networks.setup.selectors import partners_of
    from sessions.meetings.models import Meeting

    return {
        CaseForm: {"network": network},
        LessonForm: {
            "themes": network.themes.all(),
            "cases": Case.objects.none(),
            "meetings": Meeting.objects.none(),
        },
        ThemeProjectForm: {"network": network, "user": user},
        MilestoneForm: {},
        OutputForm: {},
        PdsaForm: {},
        ProjectOutputAdminForm: {},
        PartnerForm: {"network": network},
        PartnerEditForm: {"network": network},
        ThemeForm: {},
        NetworkProfileForm: {},
        SelfCheckForm: {"partners": partners_of(network)},
    }


def test_every_model_form_of_ours_on_a_guarded_field_refuses_a_bsn(db, network, coordinator):
    _import_form_modules()
    constructors = _constructors(network, coordinator)
    touching = {
        form_class
        for form_class in _subclasses(forms.ModelForm)
        if form_class.__module__.startswith(("accounts", "networks", "sessions", "casework"))
        and getattr(getattr(form_class, "_meta", None), "model", None) is not None
        and any(privacy.is_guarded(form_class._meta.model, n) for n in form_class.base_fields)
    }
    assert touching == set(constructors)
    for form_class, kwargs in constructors.items():
        model = form_class._meta.model
        guarded = [n for n in form_class.base_fields if privacy.is_guarded(model, n)]
        form = form_class(data=dict.fromkeys(guarded, BSN_TEXT), **kwargs)
        assert not form.is_valid()
        for name in guarded:
            assert any("(BSN)" in message for message in form.errors.get(name, [])), (
                form_class,
                name,
            )


def _plain_forms():
    """The plain forms of ours that write guarded fields: (form, kwargs, form field)."""
    from accounts.models import User
    from casework.forms import ContributionForm
    from networks.forms import NetworkCreateForm
    from sessions.meetings.forms import CancelForm as MeetingCancelForm
    from sessions.meetings.forms import RsvpForm
    from sessions.meetings.forms.method import ActionForm
    from sessions.shadowing.forms import CancelForm as DayCancelForm
    from sessions.shadowing.forms import (
        DeclineForm,
        FeedbackForm,
        ReflectionForm,
        RequestForm,
        SlotForm,
    )

    return [
        (ContributionForm, {}, "text"),
        (NetworkCreateForm, {}, "description"),
        (MeetingCancelForm, {}, "reason"),
        (RsvpForm, {}, "reason"),
        (ActionForm, {"people": User.objects.none()}, "text"),
        (DayCancelForm, {}, "reason"),
        (DeclineForm, {}, "reason"),
        (FeedbackForm, {}, "text"),
        (ReflectionForm, {}, "seen"),
        (ReflectionForm, {}, "question"),
        (RequestForm, {"same_domain": True}, "learning_goals"),
        (RequestForm, {"same_domain": True}, "same_domain_reason"),
        (SlotForm, {}, "note"),
    ]


@pytest.mark.parametrize(
    ("form_class", "kwargs", "name"),
    _plain_forms(),
    ids=lambda v: v.__name__ if isinstance(v, type) else None,
)
def test_plain_forms_on_guarded_fields_refuse_a_bsn_and_a_text_past_the_maximum(
    db, form_class, kwargs, name
):
    form = form_class(data={name: BSN_TEXT}, **kwargs)
    assert not form.is_valid()
    assert any("(BSN)" in message for message in form.errors[name])

    model, field = form.privacy_target(name)
    limit = model._meta.get_field(field).max_length or 5000  # a record note: 5000
    form = form_class(data={name: "x" * (limit + 1)}, **kwargs)
    assert not form.is_valid()
    assert any(str(limit) in message for message in form.errors[name])
