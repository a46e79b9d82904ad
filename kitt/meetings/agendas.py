"""The standard agendas per meeting type. Migration 0002 copies them into AgendaTemplate, where
the administrator can change them; these are used when a type has no template row."""

DEFAULT_AGENDAS: dict[str, list[str]] = {
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
