"""A lease on the rendering version, renewed by its worker's heartbeat (reports.lease): a
report whose worker died is sent again once the lease runs out, not after a fixed age."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0004_audiences'),
    ]

    operations = [
        migrations.AddField(
            model_name='reportversion',
            name='lease_until',
            field=models.DateTimeField(blank=True, help_text='Den arbejdsproces, der danner rapporten, forlænger reservationen hvert par sekunder. Udløber den, er processen væk, og rapporten sendes til dannelse igen.', null=True, verbose_name='reserveret til'),
        ),
    ]
