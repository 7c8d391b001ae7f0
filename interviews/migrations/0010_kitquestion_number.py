from django.db import migrations, models


class Migration(migrations.Migration):
    """A kit's question order is its ``number``, as an interview's questions are numbered."""

    dependencies = [("interviews", "0009_shortcut_preferences")]

    operations = [
        migrations.RemoveConstraint(model_name="kitquestion", name="kit_position_once"),
        migrations.RenameField(model_name="kitquestion", old_name="position", new_name="number"),
        migrations.AlterModelOptions(name="kitquestion", options={"ordering": ["kit", "number"]}),
        migrations.AddConstraint(
            model_name="kitquestion",
            constraint=models.UniqueConstraint(fields=("kit", "number"), name="kit_number_once"),
        ),
    ]
