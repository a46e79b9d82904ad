"""Demo collaboration cases: the demo people at every step of the chain.

For each person (from ``people.py``) a case is opened on the day they were registered and walked
along the chain through the real services (so the audit trail shows who did what): intake
criteria and a contract, a mapping of the life areas with the person's own ratings and words
next to the professional's, the relational stage, revisions, and for some a closing with reason
and outcome. How far a case has come depends on how long ago the person was registered, with
some randomness; a few people have no case yet, a few came back after an earlier closed case.

The texts follow the people's situations (``people.PROFILES``): newly arrived people learning
Swedish, people long outside work with mental ill-health, young people outside work and studies,
and people on income support with debts.

Deterministic (seeded per person) and idempotent: a person who has any case is left alone.
"""

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from kitt.cases import services
from kitt.cases.models import (
    Case,
    ClosingReason,
    IntakeCriterion,
    LifeArea,
    Mapping,
    OutcomeStatus,
    RelationalStage,
    Stage,
)
from kitt.people.models import Person, TeamMembership, TeamRole

from .base import upsert

SEED = "kitt-cases-2026"
COACH = "coach"

CRITERIA = [
    ("Folkbokförd i Trelleborgs kommun", "Eller har fått en bostad anvisad i kommunen."),
    ("18–64 år", ""),
    (
        "Behöver stöd från minst två myndigheter",
        "Samverkan behövs: en myndighet ensam räcker inte.",
    ),
    ("Samtycke givet", "Sekretessmedgivande för de organisationer som ingår i teamet."),
    ("Deltar frivilligt", "Personen vill själv vara med och vet att hen kan avbryta."),
]

# --- What the people say about their lives --------------------------------------------------------


@dataclass(frozen=True)
class Area:
    own: tuple[int, int]
    professional: tuple[int, int]
    iceberg: str = ""
    words: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    better: tuple[str, ...] = ()  # own words at a later mapping, when things have moved


S, C = "symptom", "cause"

SITUATIONS: dict[str, dict[str, Area]] = {
    "new": {
        "arbete-studier": Area(
            (3, 5),
            (2, 3),
            S,
            (
                "Jag vill jobba. Jag var snickare i femton år.",
                "Jag vill börja arbeta så fort som möjligt, vilket jobb som helst.",
                "Jag var lärare hemma. Här vet jag inte var jag ska börja.",
            ),
            (
                "Lång yrkeserfarenhet men inga intyg. Validering via Arbetsförmedlingen.",
                "Saknar svensk arbetslivserfarenhet. Intresserad av praktik inom bygg.",
            ),
            (
                "Jag har praktik på ett byggföretag två dagar i veckan.",
                "Jag har fått timmar på ett lager. Det är en början.",
            ),
        ),
        "svenska": Area(
            (2, 4),
            (1, 3),
            C,
            (
                "Jag förstår lite men vågar inte prata.",
                "Svenska är svårt. Jag övar med appen på kvällarna.",
                "Jag går på SFI men barnen pratar bättre än jag.",
            ),
            (
                "SFI kurs B. Behöver tolk vid möten.",
                "Kort skolbakgrund; SFI studieväg 1 med studiehandledning på modersmål.",
            ),
            (
                "Nu vågar jag prata i telefon på svenska.",
                "Jag klarade kurs C! Nu läser jag D.",
            ),
        ),
        "utbildning": Area(
            (4, 7),
            (3, 6),
            "",
            ("Jag har gått nio år i skolan.", "Två år ekonomi på universitetet."),
            (
                "Utländsk utbildning inte bedömd – ansökan till UHR.",
                "Kort skolbakgrund; behöver grundläggande vuxenutbildning efter SFI.",
            ),
        ),
        "fysisk-halsa": Area((6, 8), (6, 8), "", ("Ryggen värker ibland, annars bra.",)),
        "psykisk-halsa": Area(
            (4, 7),
            (3, 5),
            C,
            (
                "Jag tänker mycket på familjen som är kvar.",
                "Jag sover dåligt när jag tänker på kriget.",
            ),
            ("Tecken på oro och nedstämdhet. Vårdcentralens psykosociala team erbjuds.",),
        ),
        "somn-dygnsrytm": Area((4, 6), (4, 5)),
        "boende": Area(
            (3, 5),
            (3, 4),
            S,
            (
                "Vi bor fem personer i en tvåa, i andra hand.",
                "Kontraktet går ut i vår och jag vet inte vart vi ska.",
            ),
            ("Osäkert boende i andra hand. Kontakt med kommunens bostadssamordnare.",),
            ("Vi har fått ett förstahandskontrakt på Västergatan.",),
        ),
        "ekonomi": Area(
            (3, 5), (3, 4), "", ("Etableringsersättningen räcker till hyra och mat, inget mer.",)
        ),
        "socialt-natverk": Area(
            (3, 5),
            (3, 4),
            "",
            ("Jag känner bara några från språkcaféet.", "Min kusin bor i Malmö."),
        ),
        "missbruk": Area((9, 10), (9, 10)),
        "familj": Area(
            (5, 8),
            (5, 7),
            "",
            (
                "Min fru och barnen är kvar. Vi väntar på beslut om familjeåterförening.",
                "Tre barn i skolan, de trivs.",
            ),
        ),
        "fritid": Area((4, 6), (4, 5), "", ("Jag spelar fotboll på söndagar.",)),
    },
    "mental": {
        "arbete-studier": Area(
            (2, 3),
            (1, 3),
            S,
            (
                "Jag har inte jobbat på fem år. Jag vet inte om jag klarar det längre.",
                "Jag vill jobba men jag orkar inte heltid.",
            ),
            (
                "Utförsäkrad, arbetsförmågan oklar. Arbetsförmågebedömning innan insats.",
                "Många avbrutna insatser – lågt tempo och tydlig struktur behövs.",
            ),
            (
                "Arbetsträning tre förmiddagar i veckan på Returbutiken.",
                "Jag orkar fyra timmar om dagen nu.",
            ),
        ),
        "svenska": Area((9, 10), (9, 10)),
        "utbildning": Area(
            (5, 7), (5, 6), "", ("Gymnasiet, handelsprogrammet. Matten fick jag aldrig klar.",)
        ),
        "fysisk-halsa": Area(
            (3, 6),
            (3, 5),
            "",
            ("Värk i nacke och axlar, jag rör mig för lite.",),
            ("Långvarig smärta; fysioterapi via vårdcentralen.",),
        ),
        "psykisk-halsa": Area(
            (2, 4),
            (2, 3),
            C,
            (
                "Ångesten kommer när jag ska ringa eller gå till myndigheter.",
                "Jag har varit deprimerad i perioder sedan tonåren.",
            ),
            (
                "Återkommande depression, behandlas på vårdcentralen. SIP med regionen föreslås.",
                "Social ångest i möten – börja med korta träffar på neutral plats.",
            ),
            ("Jag har fått en samtalskontakt. Det hjälper att prata.",),
        ),
        "somn-dygnsrytm": Area(
            (2, 4),
            (2, 3),
            C,
            ("Jag somnar vid fyra och vaknar vid lunch.", "Jag ligger vaken och tänker."),
            ("Vänd dygnsrytm; börja med aktiviteter på eftermiddagen.",),
            ("Jag går upp vid nio nu, oftast.",),
        ),
        "boende": Area((5, 7), (5, 7), "", ("Egen lägenhet, men hyresskulden oroar mig.",)),
        "ekonomi": Area(
            (2, 4),
            (2, 3),
            "",
            ("Försörjningsstöd. Kronofogden har flera ärenden.",),
            ("Skulder hos Kronofogden; budget- och skuldrådgivning.",),
        ),
        "socialt-natverk": Area(
            (2, 4),
            (2, 4),
            S,
            ("Jag träffar nästan ingen utom mamma.", "Vännerna försvann när jag blev sjuk."),
            (),
            ("Jag fikar med två från arbetsträningen efter passet.",),
        ),
        "missbruk": Area(
            (6, 9),
            (5, 8),
            "",
            ("Det blir lite för mycket vin på helgerna ibland.",),
            ("AUDIT gjord: riskbruk. Följs upp vid nästa kartläggning.",),
        ),
        "familj": Area(
            (4, 7), (4, 6), "", ("Min son bor hos sin pappa varannan vecka. Jag saknar honom.",)
        ),
        "fritid": Area(
            (2, 4),
            (2, 4),
            "",
            ("Jag spelar mest dator.", "Jag brukade måla. Det vill jag börja med igen."),
        ),
    },
    "young": {
        "arbete-studier": Area(
            (3, 5),
            (2, 3),
            S,
            (
                "Jag hoppade av gymnasiet i tvåan. Jag vill nog plugga men vet inte vad.",
                "Jag vill jobba med bilar.",
            ),
            (
                "Saknar gymnasieexamen. Intresse för fordon; studie- och yrkesvägledning.",
                "Kommunens aktivitetsansvar har haft kontakt tidigare utan resultat.",
            ),
            ("Jag har sökt fordonsutbildningen på Komvux till hösten.",),
        ),
        "svenska": Area((7, 10), (7, 9)),
        "utbildning": Area(
            (3, 5),
            (2, 4),
            C,
            ("Skolan var jobbig, jag fick aldrig hjälp med läsningen.",),
            ("Misstänkta läs- och skrivsvårigheter, aldrig utredda. Komvux specialpedagog.",),
            ("Jag läser svenska och matte på Komvux. Jag får lyssna på böckerna.",),
        ),
        "fysisk-halsa": Area((6, 8), (5, 7)),
        "psykisk-halsa": Area(
            (3, 6),
            (3, 5),
            C,
            ("Jag blir stressad av att alla andra har koll på sina liv.",),
            ("Möjlig NPF-problematik – remiss för utredning diskuteras med personen.",),
        ),
        "somn-dygnsrytm": Area(
            (2, 4),
            (2, 4),
            S,
            ("Jag är vaken på nätterna och sover på dagen.", "Jag spelar hela natten."),
            ("Dygnsrytmen är första steget: morgonaktivitet två dagar i veckan.",),
            ("Jag har kommit upp på morgonen nästan varje dag.",),
        ),
        "boende": Area(
            (4, 7),
            (3, 6),
            "",
            ("Jag bor hos mamma, vi bråkar mycket.", "Jag bor hos en kompis just nu."),
        ),
        "ekonomi": Area((3, 5), (3, 4), "", ("Mamma betalar det mesta.",)),
        "socialt-natverk": Area(
            (4, 7), (3, 5), "", ("Jag har kompisar, men de flesta pluggar eller jobbar.",)
        ),
        "missbruk": Area(
            (6, 9),
            (5, 8),
            "",
            ("Jag röker på ibland, det är inget problem.",),
            ("Cannabis; motiverande samtal, Mini-Maria erbjuds.",),
        ),
        "familj": Area(
            (3, 6),
            (3, 5),
            C,
            (
                "Pappa har inte hört av sig på flera år.",
                "Mamma är sjuk och jag tar hand om mina småsyskon.",
            ),
            ("Stort ansvar hemma; anhörigstöd via socialtjänsten.",),
        ),
        "fritid": Area((5, 7), (4, 6), "", ("Gym och gaming.", "Jag spelar basket ibland.")),
    },
    "debt": {
        "arbete-studier": Area(
            (3, 5),
            (3, 4),
            S,
            (
                "Jag har jobbat på lager och i städ, men bara korta vikariat.",
                "Jag vill ha ett fast jobb så jag slipper socialen.",
            ),
            ("Korta anställningar; saknar körkort, vilket stänger många lagerjobb.",),
            ("Jag har en provanställning på ett städbolag.",),
        ),
        "svenska": Area((5, 9), (5, 8), "", ("Jag pratar bra men skriver dåligt.",)),
        "utbildning": Area((3, 5), (3, 5), "", ("Grundskola. Körkort skulle hjälpa mest.",)),
        "fysisk-halsa": Area((4, 7), (4, 6), "", ("Knät är dåligt efter åren i städ.",)),
        "psykisk-halsa": Area((4, 6), (3, 5), "", ("Jag är orolig hela tiden för räkningarna.",)),
        "somn-dygnsrytm": Area(
            (4, 6), (4, 5), "", ("Jag vaknar på natten och räknar pengar i huvudet.",)
        ),
        "boende": Area(
            (3, 5),
            (2, 4),
            S,
            ("Vi har fått varning om vräkning.", "Hyran är för hög för oss."),
            ("Hyresskuld, risk för avhysning. Socialtjänstens boendestöd kontaktat.",),
            ("Vräkningen stoppades. Vi har en avbetalningsplan med värden.",),
        ),
        "ekonomi": Area(
            (1, 3),
            (1, 2),
            C,
            (
                "Skulderna växer och jag öppnar inte breven längre.",
                "Jag har skulder hos Kronofogden på 180 000 kronor.",
            ),
            ("Omfattande skulder. Budget- och skuldrådgivning; skuldsanering kan bli aktuell.",),
            ("Vi har en plan med skuldrådgivaren. Jag öppnar breven nu.",),
        ),
        "socialt-natverk": Area((4, 6), (4, 5)),
        "missbruk": Area((8, 10), (7, 10)),
        "familj": Area(
            (4, 7),
            (4, 6),
            "",
            ("Ensamstående med två barn.", "Vi bråkar hemma om pengar."),
        ),
        "fritid": Area(
            (3, 5),
            (3, 4),
            "",
            ("Det finns inga pengar till fritid. Barnen får inte spela fotboll.",),
        ),
    },
}

SUMMARIES = {
    "new": "Arbete och språk syns överst, men under ytan ligger oron för familjen och ett "
    "osäkert boende. Börja med boendet och SFI, parallellt med validering.",
    "mental": "Arbetslösheten är toppen på isberget: under ligger psykisk ohälsa och en vänd "
    "dygnsrytm. Börja smått med struktur och vård, arbetsträning när orken finns.",
    "young": "Avhoppet från skolan syns, men läs- och skrivsvårigheter och ett stort ansvar "
    "hemma har aldrig fått hjälp. Dygnsrytmen först, sedan studier i egen takt.",
    "debt": "Ekonomin styr allt: skulderna ger sömnlöshet och oro och hotar boendet. Skuld- "
    "rådgivning och boendet först, sedan körkort och arbete.",
}

FOLLOW_UP_SUMMARIES = {
    "new": "Uppföljning: språket och boendet har rört sig mest. Oron för familjen finns kvar "
    "och tar kraft; arbete är fortfarande målet.",
    "mental": "Uppföljning: dygnsrytmen och kontakten med vården har gett mer ork. "
    "Arbetsträningen fungerar bäst på förmiddagar med kort restid.",
    "young": "Uppföljning: morgnarna fungerar oftare och studierna har kommit igång. "
    "Ansvaret hemma är fortfarande tungt.",
    "debt": "Uppföljning: skuldplanen ger lugn och sömn; boendet är säkrat. "
    "Nästa steg är körkort och arbete.",
}

CONTRACTS = {
    "new": "Vi ses varannan vecka, med tolk när du vill. Målet på sikt är ett arbete där din "
    "erfarenhet räknas. Du går på SFI; vi hjälper till med validering och boende. Du säger "
    "till om något inte fungerar, och du kan avbryta när du vill.",
    "mental": "Vi träffas en gång i veckan, på eftermiddagar och gärna utanför kontoret. Vi tar "
    "små steg i din takt. Du berättar för mig när det är tungt; jag samordnar kontakterna med "
    "Försäkringskassan, vården och Arbetsförmedlingen så att du slipper upprepa dig.",
    "young": "Vi hörs på sms och ses varje tisdag. Målet är att du ska hitta en väg till studier "
    "eller jobb som du själv vill. Du kommer eller säger till om du inte kan. Jag ser till att "
    "skolan, socialtjänsten och Komvux pratar med varandra.",
    "debt": "Vi ses varannan vecka. Först får vi ordning på skulderna och boendet, sedan arbete. "
    "Du tar med breven du fått; jag bokar tid hos skuldrådgivaren och samordnar med "
    "socialtjänsten och Arbetsförmedlingen.",
}

RELATIONAL_NOTES = {
    RelationalStage.GETTING_TO_KNOW: (
        "Första träffen på ett kafé i stället för på kontoret. Vi pratade mest om fotboll.",
        "Hembesök – personen ville inte komma till kontoret än.",
        "Kom till andra träffen också, med tolk. Berättade om sin familj.",
    ),
    RelationalStage.TRUST: (
        "Ringde själv för första gången när ett brev från en myndighet kom.",
        "Berättade om det svåraste – har inte vågat säga det till någon tidigare.",
        "Kommer i tid till träffarna och säger till om en tid inte passar.",
    ),
    RelationalStage.SELF_ESTEEM: (
        "Ledde själv en del av nätverksmötet och sa vad hen ville.",
        "Säger 'jag kan' oftare än 'jag kan inte'.",
        "Fick beröm av handledaren på praktiken och berättade det stolt.",
    ),
    RelationalStage.SUCCEEDING: (
        "Klarade första veckan på arbetsträningen utan frånvaro.",
        "Fick godkänt på SFI kurs C och ville fira med fika.",
        "Skrev på sitt anställningsavtal. Ett stort steg.",
    ),
}

#: When the relational stage is reached, in days after the case was opened (roughly).
RELATIONAL_DAYS = {
    RelationalStage.GETTING_TO_KNOW: (0, 10),
    RelationalStage.TRUST: (45, 110),
    RelationalStage.SELF_ESTEEM: (150, 260),
    RelationalStage.SUCCEEDING: (260, 420),
}

#: How long each step usually takes, in days (003 §9.1.2: the relation takes its time).
DURATIONS = {
    Stage.INTAKE: (14, 45),
    Stage.MAPPING: (21, 60),
    Stage.PLANNING: (14, 40),
    Stage.IMPLEMENTATION: (120, 260),
    Stage.FOLLOW_UP: (21, 50),
}
CHAIN = [Stage.INTAKE, Stage.MAPPING, Stage.PLANNING, Stage.IMPLEMENTATION, Stage.FOLLOW_UP]
TARGET_WEIGHTS = {
    Stage.INTAKE: 11,
    Stage.MAPPING: 13,
    Stage.PLANNING: 14,
    Stage.IMPLEMENTATION: 30,
    Stage.FOLLOW_UP: 12,
    Stage.CLOSED: 20,
}
#: The fewest days since opening a case needs to have reached a stage.
MIN_DAYS = {
    Stage.INTAKE: 0,
    Stage.MAPPING: 10,
    Stage.PLANNING: 30,
    Stage.IMPLEMENTATION: 45,
    Stage.FOLLOW_UP: 150,
    Stage.CLOSED: 180,
}

CLOSINGS = [
    # (weight, reason, outcomes, note)
    (
        46,
        ClosingReason.GOAL_REACHED,
        (OutcomeStatus.WORK, OutcomeStatus.SUBSIDISED_WORK, OutcomeStatus.STUDIES),
        "Målet nått. Uppföljning efter 6 och 12 månader bokad.",
    ),
    (
        14,
        ClosingReason.TAKEN_OVER,
        (OutcomeStatus.SICK_LEAVE, OutcomeStatus.OUTSIDE_LABOUR_FORCE),
        "Vården och Försäkringskassan tar över; rehabilitering först.",
    ),
    (
        14,
        ClosingReason.DECLINED,
        (OutcomeStatus.JOB_SEEKING, OutcomeStatus.OUTSIDE_LABOUR_FORCE),
        "Ville inte fortsätta just nu. Välkommen tillbaka.",
    ),
    (
        14,
        ClosingReason.MOVED,
        (OutcomeStatus.JOB_SEEKING, OutcomeStatus.STUDIES),
        "Flyttade till Malmö; kontakten överlämnad till Arbetsförmedlingen där.",
    ),
    (
        12,
        ClosingReason.OTHER,
        (OutcomeStatus.JOB_SEEKING, OutcomeStatus.OTHER),
        "Föräldraledig; kan komma tillbaka senare.",
    ),
]


# --- The step -------------------------------------------------------------------------------------


def _seed_criteria() -> list[IntakeCriterion]:
    criteria = []
    for order, (name, description) in enumerate(CRITERIA, start=1):
        criterion, _ = upsert(
            IntakeCriterion,
            lookup={"name": name},
            values={"description": description, "order": order * 10},
        )
        criteria.append(criterion)
    return criteria


def _situation(kinds: set[str]) -> str:
    """Which of people.PROFILES the person's team suggests (the profile is not stored)."""
    if kinds & {"fk", "region"}:
        return "mental"
    if "soc" in kinds and "sfi" in kinds:
        return "young"
    if "soc" in kinds:
        return "debt"
    return "new"


def seed() -> str:
    criteria = _seed_criteria()
    areas = {a.code: a for a in LifeArea.objects.filter(is_active=True)}
    today = timezone.localdate()
    memberships = TeamMembership.objects.active().select_related("user__organisation")
    coordinator_of, kinds_of = {}, {}
    for m in memberships:
        if m.role == TeamRole.COORDINATOR:
            coordinator_of[m.person_id] = m.user
        elif m.user.organisation_id:
            kinds_of.setdefault(m.person_id, set()).add(m.user.organisation.kind)
    has_case = set(Case.objects.values_list("person_id", flat=True))
    forced = list(CHAIN) + [Stage.CLOSED]  # the demo coach gets every stage at least once
    opened = 0
    for person in Person.objects.order_by("pk"):
        coordinator = coordinator_of.get(person.pk)
        if coordinator is None:
            continue
        rng = random.Random(f"{SEED}|{person.first_name}|{person.last_name}|{person.address}")
        no_case_yet = rng.random() < 0.07
        registered = timezone.localtime(person.created_at).date()
        opened_on = min(today, registered + datetime.timedelta(days=rng.randint(0, 6)))
        elapsed = (today - opened_on).days
        possible = [s for s, days in MIN_DAYS.items() if days <= elapsed]
        target = None
        if coordinator.username == COACH and forced:
            target = next((s for s in forced if s in possible), None)
            if target is not None:
                forced.remove(target)
        if person.pk in has_case:
            continue  # after the forcing above, so that a second run forces the same people
        if target is None:
            if no_case_yet:
                continue
            target = rng.choices(possible, weights=[TARGET_WEIGHTS[s] for s in possible])[0]
        situation = _situation(kinds_of.get(person.pk, set()))
        builder = _CaseBuilder(person, coordinator, situation, rng, criteria, areas, today)
        if target in (Stage.INTAKE, Stage.MAPPING) and elapsed > 420 and rng.random() < 0.5:
            builder.earlier_case(opened_on)  # came back after an earlier case was closed
            opened_on = builder.reopened_on
            target = Stage.INTAKE if (today - opened_on).days < MIN_DAYS[Stage.MAPPING] else target
        builder.build(opened_on, target)
        opened += 1
    return (
        f"{Case.objects.count()} ärenden ({opened} nya), "
        f"{Mapping.objects.count()} kartläggningar, {len(criteria)} kriterier för deltagande"
    )


class _CaseBuilder:
    """Walks one person's case along the chain through the services, with plausible dates."""

    def __init__(self, person, coordinator, situation, rng, criteria, areas, today):
        self.person = person
        self.actor = coordinator
        self.situation = situation
        self.rng = rng
        self.criteria = criteria
        self.areas = areas
        self.today = today
        self.reopened_on = None
        self.last_ratings: dict[str, tuple[int, int]] = {}

    # The pieces ---------------------------------------------------------------------------------

    def _day(self, start: datetime.date, span: tuple[int, int], scale: float = 1.0):
        days = max(3, int(self.rng.randint(*span) * scale))
        return min(self.today, start + datetime.timedelta(days=days))

    def _move(self, case, stage, on, note=""):
        return services.case_move(
            actor=self.actor,
            case=case,
            to_stage=stage,
            expected_version=case.version,
            note=note,
            on=on,
        )

    def _intake(self, case, opened_on, *, complete: bool):
        criteria = self.criteria
        if not complete:
            criteria = [c for c in criteria if self.rng.random() < 0.6]
        signed = self._day(opened_on, (5, 14)) if complete or self.rng.random() < 0.3 else None
        services.intake_update(
            actor=self.actor,
            intake=case.intake,
            expected_version=case.intake.version,
            criteria=criteria,
            contract_signed_on=signed,
            contract_agreed=CONTRACTS[self.situation] if signed else "",
        )

    def _mapping(self, case, on, *, later: int = 0):
        """A mapping; ``later`` > 0 for a follow-up mapping, with things (mostly) better."""
        rows = []
        for code, area in SITUATIONS[self.situation].items():
            life_area = self.areas.get(code)
            if life_area is None:
                continue
            own = self.rng.randint(*area.own)
            professional = self.rng.randint(*area.professional)
            lift = 0
            if later and code in self.last_ratings:
                # Change from the previous mapping: mostly better where it was hard.
                before_own, before_professional = self.last_ratings[code]
                lift = self.rng.choice([0, 1, 1, 2, 2, 3]) if before_own < 8 else 0
                lift = lift if self.rng.random() > 0.1 else -1
                own = before_own + lift
                professional = before_professional + max(-1, lift + self.rng.choice([-1, 0, 0]))
            own, professional = max(1, min(10, own)), max(1, min(10, professional))
            self.last_ratings[code] = (own, professional)
            words = ""
            if later and area.better and lift > 0:
                words = self.rng.choice(area.better)
            elif area.words and self.rng.random() < 0.85:
                words = self.rng.choice(area.words)
            notes = self.rng.choice(area.notes) if area.notes and not later else ""
            rows.append(
                {
                    "area": life_area,
                    "own_rating": own,
                    "own_words": words,
                    "professional_rating": professional,
                    "professional_notes": notes,
                    "iceberg": area.iceberg if own <= 5 else "",
                }
            )
        summary = FOLLOW_UP_SUMMARIES[self.situation] if later else SUMMARIES[self.situation]
        return services.mapping_create(
            actor=self.actor, case=case, made_on=on, rows=rows, summary=summary
        )

    def _relation(self, case, opened_on, until: datetime.date):
        stages = list(RelationalStage)
        for index, stage in enumerate(stages):
            on = opened_on + datetime.timedelta(days=self.rng.randint(*RELATIONAL_DAYS[stage]))
            if on > until:
                break
            if index and self.rng.random() < 0.2:
                break  # the relation takes its time; some stay where they are
            services.relational_stage_record(
                actor=self.actor,
                case=case,
                stage=stage,
                noted_on=on,
                note=self.rng.choice(RELATIONAL_NOTES[stage]),
            )

    def _close(self, case, on, *, early: bool = False):
        options = CLOSINGS[1:] if early else CLOSINGS
        weight, reason, outcomes, note = self.rng.choices(options, weights=[o[0] for o in options])[
            0
        ]
        services.case_close(
            actor=self.actor,
            case=case,
            closed_on=on,
            reason=reason,
            outcome=self.rng.choice(outcomes),
            note=note,
            expected_version=case.version,
        )

    # The whole case -----------------------------------------------------------------------------

    def earlier_case(self, opened_on):
        """An earlier case that ended early (declined or moved), before the current one."""
        case = services.case_open(actor=self.actor, person=self.person, opened_on=opened_on)
        self._intake(case, opened_on, complete=True)
        mapping_on = self._day(opened_on, (14, 30))
        self._move(case, Stage.MAPPING, mapping_on)
        self._mapping(case, self._day(mapping_on, (7, 20)))
        self._relation(case, opened_on, self._day(mapping_on, (30, 60)))
        closed_on = self._day(mapping_on, (60, 120))
        self._close(case, closed_on, early=True)
        self.reopened_on = self._day(closed_on, (120, 240))

    def build(self, opened_on, target):
        target_index = len(CHAIN) if target == Stage.CLOSED else CHAIN.index(target)
        # Dates of each move, squeezed to fit the time since opening.
        spans = [self.rng.randint(*DURATIONS[s]) for s in CHAIN]
        needed = sum(spans[:target_index]) + 10
        if target != Stage.CLOSED:
            # An open case has been in its current step for part of that step's usual length:
            # a person registered long ago whose case is still early opened it later.
            stay = self.rng.randint(3, DURATIONS[target][1])
            latest_open = self.today - datetime.timedelta(days=sum(spans[:target_index]) + stay)
            opened_on = max(opened_on, latest_open)
        case = services.case_open(actor=self.actor, person=self.person, opened_on=opened_on)
        scale = min(1.0, (self.today - opened_on).days / needed) if needed else 1.0
        self._intake(case, opened_on, complete=target != Stage.INTAKE)
        on = opened_on
        revised = False
        for stage in CHAIN[1 : min(target_index, len(CHAIN) - 1) + 1]:
            before = on
            days = max(3, int(spans[CHAIN.index(stage) - 1] * scale))
            on = min(self.today, on + datetime.timedelta(days=days))
            self._move(case, stage, on)
            if stage == Stage.PLANNING:  # the mapping was done in the mapping stage
                gap = max(1, (on - before).days)
                self._mapping(case, on - datetime.timedelta(days=min(gap - 1, 5)))
            if (
                stage == Stage.FOLLOW_UP
                and not revised
                and self.rng.random() < 0.3
                and (self.today - on).days > 150
            ):
                # Revision: the follow-up showed that the plan needed changing.
                self._mapping(case, on + datetime.timedelta(days=7), later=1)
                on += datetime.timedelta(days=14)
                self._move(case, Stage.PLANNING, on, note="Praktiken avbröts – planen revideras.")
                on += datetime.timedelta(days=14)
                self._move(case, Stage.IMPLEMENTATION, on)
                on = min(self.today, on + datetime.timedelta(days=self.rng.randint(60, 100)))
                self._move(case, Stage.FOLLOW_UP, on)
                revised = True
        if target == Stage.MAPPING and self.rng.random() < 0.5:
            self._mapping(case, min(self.today, on + datetime.timedelta(days=7)))
        if target in (Stage.FOLLOW_UP, Stage.CLOSED):
            self._mapping(case, min(self.today, on + datetime.timedelta(days=7)), later=2)
        long_running = target == Stage.IMPLEMENTATION and (self.today - on).days > 150
        if long_running and self.rng.random() < 0.4:  # a mid-way mapping
            self._mapping(case, on + datetime.timedelta(days=120), later=1)
        until = self.today
        if target == Stage.CLOSED:
            until = min(self.today, on + datetime.timedelta(days=self.rng.randint(14, 45)))
        self._relation(case, opened_on, until)
        if target == Stage.CLOSED:
            self._close(case, max(until, on))
        return case
