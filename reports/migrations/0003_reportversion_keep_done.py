"""A finished report version is kept forever: the database refuses to delete it.

(Test databases are emptied with TRUNCATE, which row triggers do not see.)
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION reports_reportversion_keep_done() RETURNS trigger AS $$
BEGIN
    IF OLD.state = 'done' THEN
        RAISE EXCEPTION 'reports_reportversion % er færdig og slettes ikke', OLD.id
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER reports_reportversion_keep_done
    BEFORE DELETE ON reports_reportversion
    FOR EACH ROW EXECUTE FUNCTION reports_reportversion_keep_done();
"""

DROP = """
DROP TRIGGER IF EXISTS reports_reportversion_keep_done ON reports_reportversion;
DROP FUNCTION IF EXISTS reports_reportversion_keep_done();
"""


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_reportversion_immutable_trigger")]

    operations = [migrations.RunSQL(CREATE, DROP)]
