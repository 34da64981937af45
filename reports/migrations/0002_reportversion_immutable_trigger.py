"""A report version's data never change, and a finished version's PDF never does either.

The trigger refuses, whoever writes to the database:
- any change of the snapshot, its hash or what the version is about, in any state;
- any change of a done version, except Django's on_delete=SET_NULL of ``requested_by``
  when the requesting user is deleted.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION reports_reportversion_immutable() RETURNS trigger AS $$
BEGIN
    IF NEW.id IS DISTINCT FROM OLD.id
       OR NEW.kind IS DISTINCT FROM OLD.kind
       OR NEW.audience IS DISTINCT FROM OLD.audience
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

CREATE TRIGGER reports_reportversion_immutable
    BEFORE UPDATE ON reports_reportversion
    FOR EACH ROW EXECUTE FUNCTION reports_reportversion_immutable();
"""

DROP = """
DROP TRIGGER IF EXISTS reports_reportversion_immutable ON reports_reportversion;
DROP FUNCTION IF EXISTS reports_reportversion_immutable();
"""


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunSQL(CREATE, DROP)]
