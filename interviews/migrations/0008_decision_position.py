import django.db.models.deletion
from django.db import migrations, models


def fill_positions(apps, schema_editor):
    """Copy each decision's interview's position onto it."""
    Decision = apps.get_model("interviews", "Decision")
    for decision in Decision.objects.select_related("interview").iterator():
        decision.position_id = decision.interview.position_id
        decision.save(update_fields=["position"])


class Migration(migrations.Migration):
    dependencies = [("interviews", "0007_stored_review_fields")]

    operations = [
        migrations.AddField(
            model_name="decision",
            name="position",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="decisions",
                to="interviews.position",
            ),
        ),
        migrations.RunPython(fill_positions, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="decision",
            name="position",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="decisions",
                to="interviews.position",
            ),
        ),
        migrations.AddIndex(
            model_name="decision",
            index=models.Index(fields=["position", "-decided_at"], name="decision_newest"),
        ),
    ]
