"""A frozen version never changes, whoever writes to the database.

The trigger refuses any UPDATE that touches the version's content. The one update it lets
through is Django's on_delete=SET_NULL of ``created_by`` when the freezing user is deleted,
so deleting a user account does not fail on the versions that person froze.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION policies_policyversion_frozen() RETURNS trigger AS $$
BEGIN
    IF NEW.id IS DISTINCT FROM OLD.id
       OR NEW.policy_id IS DISTINCT FROM OLD.policy_id
       OR NEW.number IS DISTINCT FROM OLD.number
       OR NEW.label IS DISTINCT FROM OLD.label
       OR NEW.snapshot IS DISTINCT FROM OLD.snapshot
       OR NEW.created_at IS DISTINCT FROM OLD.created_at
       OR (NEW.created_by_id IS DISTINCT FROM OLD.created_by_id
           AND NEW.created_by_id IS NOT NULL) THEN
        RAISE EXCEPTION 'policies_policyversion % er frosset og kan ikke ændres', OLD.id
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER policies_policyversion_frozen
    BEFORE UPDATE ON policies_policyversion
    FOR EACH ROW EXECUTE FUNCTION policies_policyversion_frozen();
"""

DROP = """
DROP TRIGGER IF EXISTS policies_policyversion_frozen ON policies_policyversion;
DROP FUNCTION IF EXISTS policies_policyversion_frozen();
"""


class Migration(migrations.Migration):
    dependencies = [("policies", "0002_document_date_section_lists")]

    operations = [migrations.RunSQL(CREATE, DROP)]
