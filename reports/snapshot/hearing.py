"""Hearings: the hearing report (høringsnotat) as plain data, never with contact details."""

from django.db.models import Prefetch

from core.redact import redact
from reports.snapshot import base
from reports.snapshot.base import SNAPSHOT_FORMAT, day, normalise

# Free text written by responders may hold their own contact details. They are never part of
# a report, whatever its audience (the secretariat reads them in the hearing's work area).

# --- hearings -------------------------------------------------------------------------------


def hearing_data(hearing, reader, public):
    from hearings.models import HearingParty

    parties = [
        row.party.name
        for row in HearingParty.objects.visible_to(reader)
        .filter(hearing=hearing)
        .select_related("party")
    ]
    data = {
        "id": hearing.pk,
        "title": hearing.title,
        "opens_on": day(hearing.opens_on),
        "closes_on": day(hearing.closes_on),
        "state": hearing.get_state_display(),
        "parties": parties,
    }
    hearing_report_data = base.optional(("hearings.services", "hearing_report_data"))
    if hearing_report_data is not None:
        report = hearing_report_data(hearing, reader)
        data["responses"] = [
            {
                "reference": r["reference"],
                "responder": r["responder"],
                "responder_kind": str(r["responder_kind"]),
                "received_on": day(r["received_on"]),
                "summary": redact(r["summary"]),
                "remark_count": r["remark_count"],
            }
            for r in report["responses"]
        ]
        data["sections"] = [
            {
                "label": str(section["label"]),
                "remarks": [
                    {
                        "reference": m["reference"],
                        "responder": m["responder"],
                        "excerpt": redact(m["excerpt"]),
                        "stance": str(m["stance"]),
                        "outcome": str(m["outcome"]),
                        "answer": m["answer"],
                        "reason": m["reason"],
                        "themes": list(m["themes"]),
                    }
                    for m in section["remarks"]
                ],
            }
            for section in report["sections"]
        ]
        data["outcome_counts"] = [[str(label), count] for label, count in report["outcome_counts"]]
        data["remark_count"] = report["remark_count"]
        return data
    return {**data, **_hearing_fallback(hearing, reader, public)}


def _hearing_fallback(hearing, reader, public):
    from hearings.models import Remark, Response

    responses = list(
        Response.objects.visible_to(reader)
        .filter(hearing=hearing)
        .select_related("responder")
        .prefetch_related(
            Prefetch(
                "remarks", queryset=Remark.objects.visible_to(reader).order_by("position", "id")
            )
        )
        .order_by("received_on", "id")
    )
    remarks = [(r, m) for r in responses for m in r.remarks.all()]
    return {
        "responses": [
            {
                "reference": r.reference,
                "responder": r.responder.public_name,
                "responder_kind": r.responder.get_kind_display(),
                "received_on": day(r.received_on),
                "summary": redact(r.summary or r.text),
                "remark_count": len(r.remarks.all()),
            }
            for r in responses
        ],
        "sections": [
            {
                "label": "Bemærkninger",
                "remarks": [
                    {
                        "reference": r.reference,
                        "responder": r.responder.public_name,
                        "excerpt": redact(m.excerpt),
                        "stance": m.get_stance_display(),
                        "outcome": m.get_outcome_display() if m.outcome else "",
                        "answer": m.answer,
                        "reason": m.reason,
                        "themes": [],
                    }
                    for r, m in remarks
                ],
            }
        ]
        if remarks
        else [],
        "outcome_counts": [],
        "remark_count": len(remarks),
    }


def hearings(policy, reader, public):
    from hearings.models import Hearing

    return [
        hearing_data(hearing, reader, public)
        for hearing in Hearing.objects.visible_to(reader)
        .filter(policy=policy)
        .order_by("opens_on", "id")
    ]


def hearing_snapshot(hearing, audience, reader):
    from reports.models import ReportVersion

    public = audience == ReportVersion.Audience.PUBLIC
    policy = hearing.policy
    return normalise(
        {
            "format": SNAPSHOT_FORMAT,
            "kind": ReportVersion.Kind.HEARING.value,
            "audience": audience,
            "title": f"Høringsnotat: {hearing.title}",
            "municipality": policy.municipality.name,
            "policy": {"title": policy.title, "period": policy.period_label},
            "hearing": hearing_data(hearing, reader, public),
        }
    )
