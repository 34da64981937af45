"""Filters of the council's review page (and the secretariat's bulk answering)."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core.access import Reader
from hearings.models import Remark, RemarkRead, Responder, Response, Theme


class FastSelect(forms.Select):
    """A select rendered in Python: with hundreds of responders, Django's per-option widget
    templates cost more than the rest of the review page together."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        attrs["name"] = name
        selected = "" if value is None else str(value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (str(key), mark_safe(" selected") if str(key) == selected else "", label)
                for key, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(attrs), options)


class RemarkFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Søg i teksten"), method="filter_text")
    responder = django_filters.ModelChoiceFilter(
        label=_("Afsender"),
        field_name="response__responder",
        queryset=Responder.objects.none(),
        widget=FastSelect,
    )
    responder_kind = django_filters.ChoiceFilter(
        label=_("Type afsender"),
        field_name="response__responder__kind",
        choices=Responder.Kind.choices,
        empty_label=_("Alle"),
    )
    section = django_filters.ChoiceFilter(
        label=_("Del af udkastet"), method="filter_section", empty_label=_("Alle")
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Tema"), field_name="themes", queryset=Theme.objects.none()
    )
    stance = django_filters.ChoiceFilter(
        label=_("Holdning"), choices=Remark.Stance.choices, empty_label=_("Alle")
    )
    outcome = django_filters.ChoiceFilter(
        label=_("Resultat"), choices=Remark.Outcome.choices, empty_label=_("Alle")
    )
    unanswered = django_filters.BooleanFilter(
        label=_("Kun ikke besvarede"),
        method="filter_unanswered",
        widget=forms.CheckboxInput,
    )
    unread = django_filters.BooleanFilter(
        label=_("Kun ulæste (af mig)"), method="filter_unread", widget=forms.CheckboxInput
    )

    class Meta:
        model = Remark
        fields = []

    def __init__(self, data=None, *args, hearing, user, sections, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.user = user
        self.hearing = hearing
        # Only senders of responses this reader may read: a confidential response's sender
        # is named to the secretariat only.
        readable = Response.objects.visible_to(user).filter(
            hearing=hearing, responder_id=OuterRef("pk")
        )
        self.filters["responder"].queryset = (
            Responder.objects.visible_to(user).filter(Exists(readable)).order_by("name")
        )
        self.filters["theme"].queryset = Theme.objects.visible_to(user).filter(
            municipality_id=hearing.policy.municipality_id
        )
        self.filters["section"].extra["choices"] = [
            (section["key"], section["label"]) for section in sections
        ]
        for field in self.form.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs["class"] = "form-checkbox"
            elif isinstance(widget, forms.Select):
                widget.attrs["class"] = "form-select"
            else:
                widget.attrs["class"] = "form-input"

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        matches = queryset.filter(
            Q(excerpt__icontains=value)
            | Q(answer__icontains=value)
            | Q(response__responder__name__icontains=value)
            | Q(response__responder__organisation__icontains=value)
        )
        reader = Reader.of(self.user)
        if reader.reads_contact_details(self.hearing.policy.municipality_id):
            return matches
        # A reader who reads the texts redacted finds only what they can read: otherwise a
        # search for "67 89" would tell a council member which citizen typed that number,
        # or a name which organisation it is the contact person of.
        needle = value.casefold()
        readable = [
            remark.pk
            for remark in matches.select_related("response__responder").only(
                "pk",
                "excerpt",
                "answer",
                "response__responder__municipality_id",
                "response__responder__kind",
                "response__responder__name",
                "response__responder__organisation",
            )
            if needle in remark.shown_excerpt(reader).casefold()
            or needle in remark.answer.casefold()
            or needle in remark.response.responder.public_name.casefold()
        ]
        return queryset.filter(pk__in=readable)

    def filter_section(self, queryset, name, value):
        kind, _sep, pk = value.partition("-")
        if value == "politik":
            return queryset.filter(goal=None, focus_area=None, commitment=None)
        if kind == "maal" and pk.isdigit():
            return queryset.filter(Q(goal_id=pk) | Q(commitment__goal_id=pk))
        if kind == "fokus" and pk.isdigit():
            return queryset.filter(focus_area_id=pk)
        return queryset

    def filter_unanswered(self, queryset, name, value):
        return queryset.filter(outcome="") if value else queryset

    def filter_unread(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            ~Exists(RemarkRead.objects.filter(remark=OuterRef("pk"), user=self.user))
        )
