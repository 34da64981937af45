import core.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("policies", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name=model,
            name="document_date",
            field=models.DateField(
                blank=True,
                help_text="Datoen på selve dokumentet, når vedtagelsesdatoen ikke kendes.",
                null=True,
                verbose_name="dateret",
            ),
        )
        for model in ("policy", "historicalpolicy")
    ] + [
        migrations.AddField(
            model_name=model,
            name="list_kind",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "ingen liste"),
                    ("goals", "de overordnede målsætninger"),
                    ("principles", "grundprincipperne"),
                ],
                help_text="Vis politikkens overordnede målsætninger eller grundprincipper i dette afsnit, efter teksten.",
                max_length=20,
                verbose_name="liste i afsnittet",
            ),
        )
        for model in ("section", "historicalsection")
    ] + [
        migrations.AddField(
            model_name=model,
            name="closing",
            field=core.fields.RichTextField(
                blank=True,
                help_text="Vises efter listen, hvis der er en.",
                verbose_name="tekst efter listen",
            ),
        )
        for model in ("section", "historicalsection")
    ] + [
        migrations.AddField(
            model_name=model,
            name="closing",
            field=core.fields.RichTextField(
                blank=True,
                help_text="Vises efter fokusområdets målsætninger.",
                verbose_name="tekst efter målsætningerne",
            ),
        )
        for model in ("focusarea", "historicalfocusarea")
    ]
