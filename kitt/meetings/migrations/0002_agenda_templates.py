"""Seed the agenda templates: a sensible Swedish agenda per meeting type (editable in the admin)."""

from django.db import migrations

AGENDAS = {
    "joint_intake": [
        "Presentation av deltagare och myndigheter",
        "Personens egen berättelse och mål",
        "Samtycke och sekretess",
        "Vad kan varje myndighet bidra med",
        "Nästa steg och ansvar",
        "Tid för nästa möte",
    ],
    "follow_up": [
        "Hur har det gått sedan sist? Personens egen bild",
        "Genomgång av beslut och uppgifter från förra mötet",
        "Insatserna: status, hinder och vad som behöver ändras",
        "Mål och stegförflyttning",
        "Nya beslut, ansvar och tidsplan",
        "Tid för nästa möte",
    ],
    "closing": [
        "Tillbakablick: vad har hänt sedan inskrivningen",
        "Personens egen värdering av stödet",
        "Måluppfyllelse och utfall",
        "Överlämning: vem stöttar framåt och hur når personen dem",
        "Uppföljning efter 6 och 12 månader",
        "Samtyckena efter avslutet",
    ],
    "other": [
        "Syfte med mötet",
        "Aktuell situation",
        "Beslut och ansvar",
    ],
}


def seed(apps, schema_editor):
    AgendaTemplate = apps.get_model("meetings", "AgendaTemplate")
    for meeting_type, items in AGENDAS.items():
        AgendaTemplate.objects.get_or_create(meeting_type=meeting_type, defaults={"items": items})


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
