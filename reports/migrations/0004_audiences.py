"""Reports are made for a named audience: public, one council, or the secretariat.

The old "internal" audience was rendered as a reader sitting on every council of the
municipality and was readable by any council member there: closed items crossed councils.
Existing internal versions become the secretariat's (the only readers who may see all of it
anyway); the immutability trigger is paused for that one update and then also guards the
new ``council`` column.
"""

import django.db.models.deletion
from django.db import migrations, models

TRIGGER = "reports_reportversion_immutable"

FUNCTION = """
CREATE OR REPLACE FUNCTION reports_reportversion_immutable() RETURNS trigger AS $$
BEGIN
    IF NEW.id IS DISTINCT FROM OLD.id
       OR NEW.kind IS DISTINCT FROM OLD.kind
       OR NEW.audience IS DISTINCT FROM OLD.audience
       OR NEW.council_id IS DISTINCT FROM OLD.council_id
       OR NEW.municipality_id IS DISTINCT FROM OLD.municipality_id
       OR NEW.policy_id IS DISTINCT FROM OLD.policy_id
       OR NEW.meeting_id IS DISTINCT FROM OLD.meeting_id
       OR NEW.hearing_id IS DISTINCT FROM OLD.hearing_id
       OR NEW.number IS DISTINCT FROM OLD.number
       OR NEW.previous_id IS DISTINCT FROM OLD.previous_id
       OR NEW.data_taken_at IS DISTINCT FROM OLD.data_taken_at
       OR NEW.snapshot IS DISTINCT FROM OLD.snapshot
       OR NEW.snapshot_sha256 IS DISTINCT FROM OLD.snapshot_sha256
       OR NEW.template_version IS DISTINCT FROM OLD.template_version THEN
        RAISE EXCEPTION 'reports_reportversion %: data kan ikke ændres', OLD.id
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF OLD.state = 'done' AND (
           NEW.state IS DISTINCT FROM OLD.state
           OR NEW.pdf IS DISTINCT FROM OLD.pdf
           OR NEW.pdf_sha256 IS DISTINCT FROM OLD.pdf_sha256
           OR NEW.pdf_size IS DISTINCT FROM OLD.pdf_size
           OR NEW.page_count IS DISTINCT FROM OLD.page_count
           OR NEW.weasyprint_version IS DISTINCT FROM OLD.weasyprint_version
           OR NEW.finished_at IS DISTINCT FROM OLD.finished_at
           OR NEW.label IS DISTINCT FROM OLD.label
           OR NEW.error IS DISTINCT FROM OLD.error
           OR NEW.attempts IS DISTINCT FROM OLD.attempts
           OR NEW.rendering_started_at IS DISTINCT FROM OLD.rendering_started_at
           OR (NEW.requested_by_id IS DISTINCT FROM OLD.requested_by_id
               AND NEW.requested_by_id IS NOT NULL)) THEN
        RAISE EXCEPTION 'reports_reportversion % er færdig og kan ikke ændres', OLD.id
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""

INTERNAL_TO_SECRETARIAT = f"""
ALTER TABLE reports_reportversion DISABLE TRIGGER {TRIGGER};
UPDATE reports_reportversion SET audience = 'secretariat' WHERE audience = 'internal';
ALTER TABLE reports_reportversion ENABLE TRIGGER {TRIGGER};
"""


class Migration(migrations.Migration):
    dependencies = [
        ("councils", "0002_correction_values_may_be_empty"),
        ("reports", "0003_reportversion_keep_done"),
    ]

    operations = [
        migrations.AddField(
            model_name="reportversion",
            name="council",
            field=models.ForeignKey(
                blank=True,
                help_text="For et råds udgave: rådet, hvis medlemmer kan læse den.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="report_versions",
                to="councils.council",
                verbose_name="råd",
            ),
        ),
        migrations.RunSQL(INTERNAL_TO_SECRETARIAT, migrations.RunSQL.noop),
        migrations.RunSQL(FUNCTION, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="reportversion",
            name="audience",
            field=models.CharField(
                choices=[
                    ("public", "offentlig"),
                    ("council", "ét råd (dets medlemmer og sekretariatet)"),
                    ("secretariat", "sekretariatet"),
                ],
                max_length=20,
                verbose_name="målgruppe",
            ),
        ),
        migrations.AddConstraint(
            model_name="reportversion",
            constraint=models.CheckConstraint(
                condition=models.Q(("audience", "council"), ("council__isnull", False))
                | (~models.Q(("audience", "council")) & models.Q(("council__isnull", True))),
                name="reportversion_council_audience_has_council",
            ),
        ),
    ]
