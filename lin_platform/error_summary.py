"""The error summary of a page whose form came back with errors (the GOV.UK pattern).

A template builtin (settings.TEMPLATES), so ``base.html`` can ask for it on every page:
``{% error_summary as summary %}`` finds the bound forms and formsets with errors in the
page's context and lists each error with a link to its field. ``base.html`` prefixes the title
with "Fout:" / "Error:" and shows the summary at the top of the page; ``static/js/forms.js``
moves the focus to it. Views need do nothing: a form in the context is enough.
"""

from dataclasses import dataclass

from django import forms
from django.forms.formsets import BaseFormSet
from django.template import Library

register = Library()

# Widgets rendered as several inputs: the link goes to the first one.
MULTI_INPUT = (forms.RadioSelect, forms.CheckboxSelectMultiple)


@dataclass(frozen=True)
class Problem:
    message: str
    label: str = ""
    target: str = ""  # the id of the field's input, without '#'


def _form_problems(form) -> list[Problem]:
    problems = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        if name == forms.forms.NON_FIELD_ERRORS or field is None or field.widget.is_hidden:
            problems.extend(Problem(str(message)) for message in errors)
            continue
        bound = form[name]
        target = bound.id_for_label or bound.auto_id or ""
        if target and isinstance(field.widget, MULTI_INPUT) and not target.endswith("_0"):
            target = f"{target}_0"
        problems.extend(Problem(str(message), str(bound.label or ""), target) for message in errors)
    return problems


def _problems(value, depth: int = 0) -> list[Problem]:
    if isinstance(value, dict) and depth == 0:  # e.g. a page's forms by kind
        return [p for item in value.values() for p in _problems(item, depth + 1)]
    if isinstance(value, list | tuple) and depth == 0:
        return [p for item in value for p in _problems(item, depth + 1)]
    if isinstance(value, forms.BaseForm):
        return _form_problems(value) if value.is_bound and value.errors else []
    if isinstance(value, BaseFormSet) and value.is_bound:
        problems = [Problem(str(m)) for m in value.non_form_errors()]
        for form in value.forms:
            problems.extend(_problems(form))
        return problems
    return []


@register.simple_tag(takes_context=True)
def error_summary(context) -> list[Problem]:
    seen: set[int] = set()
    problems: list[Problem] = []
    for value in context.flatten().values():
        if id(value) in seen:
            continue
        seen.add(id(value))
        problems.extend(_problems(value))
    return list(dict.fromkeys(problems))  # a form named twice in the context counts once
