from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                           verbose_name="ID")),
                ("token", models.BigIntegerField()),
            ],
            options={"verbose_name": "数据版本", "verbose_name_plural": "数据版本"},
        ),
    ]
