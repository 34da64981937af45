"""Hearings: the hearing report (høringsnotat) as plain data, never with contact details."""

from core.redact import redact
from hearings.models import Hearing, HearingParty
from hearings.selectors import hearing_report_data
from reports.models import ReportVersion
from reports.snapshot.base import SNAPSHOT_FORMAT, day, normalise

# Free text written by responders may hold their own contact details. They are never part of
# a report, whatever its audience (the secretariat reads them in the hearing's work area).


def hearing_data(hearing, reader):
    """The hearing and its report as ``reader`` may see them (the hearings app's own data)."""
    parties = [
        row.party.name
        for row in HearingParty.objects.visible_to(reader)
        .filter(hearing=hearing)
        .select_related("party")
    ]
    report = hearing_report_data(hearing, reader)
    return {
        "id": hearing.pk,
        "title": hearing.title,
        "opens_on": day(hearing.opens_on),
        "closes_on": day(hearing.closes_on),
        "state": hearing.get_state_display(),
        "parties": parties,
        "summary": hearing.summary,
        "responses": [
            {
                "reference": r["reference"],
                "responder": r["responder"],
                "responder_kind": str(r["responder_kind"]),
                "received_on": day(r["received_on"]),
                "summary": redact(r["summary"]),
                "remark_count": r["remark_count"],
            }
            for r in report["responses"]
        ],
        "sections": [
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
        ],
        "outcome_counts": [[str(label), count] for label, count in report["outcome_counts"]],
        "remark_count": report["remark_count"],
    }


def hearings(policy, reader):
    return [
        hearing_data(hearing, reader)
        for hearing in Hearing.objects.visible_to(reader)
        .filter(policy=policy)
        .order_by("opens_on", "id")
    ]


def hearing_snapshot(hearing, audience, reader):
    policy = hearing.policy
    return normalise(
        {
            "format": SNAPSHOT_FORMAT,
            "kind": ReportVersion.Kind.HEARING.value,
            "audience": audience,
            "title": f"Høringsnotat: {hearing.title}",
            "municipality": policy.municipality.name,
            "policy": {"title": policy.title, "period": policy.period_label},
            "hearing": hearing_data(hearing, reader),
        }
    )
