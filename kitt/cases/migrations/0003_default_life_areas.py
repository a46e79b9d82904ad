"""The default life areas of the mapping (kartläggning). Administrators may change them later."""

from django.db import migrations

DEFAULT_AREAS = [
    ("arbete-studier", "Arbete och studier"),
    ("svenska", "Svenska språket"),
    ("utbildning", "Utbildning"),
    ("fysisk-halsa", "Fysisk hälsa"),
    ("psykisk-halsa", "Psykisk hälsa"),
    ("somn-dygnsrytm", "Sömn och dygnsrytm"),
    ("boende", "Boende"),
    ("ekonomi", "Ekonomi"),
    ("socialt-natverk", "Socialt nätverk"),
    ("missbruk", "Missbruk"),
    ("familj", "Familjesituation"),
    ("fritid", "Fritid"),
]


def add_areas(apps, schema_editor):
    LifeArea = apps.get_model("cases", "LifeArea")
    for order, (code, name) in enumerate(DEFAULT_AREAS, start=1):
        LifeArea.objects.get_or_create(code=code, defaults={"name": name, "order": order * 10})


def remove_areas(apps, schema_editor):
    LifeArea = apps.get_model("cases", "LifeArea")
    LifeArea.objects.filter(code__in=[code for code, _ in DEFAULT_AREAS]).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_chain_intake_relation_mapping")]

    operations = [migrations.RunPython(add_areas, remove_areas)]
