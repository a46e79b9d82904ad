"""Needs (the life areas) and the service catalogue of the demo collaboration.

Every service names the organisation by key, optionally a unit (created by the organisations
step), and the needs it answers by code.
"""

from kitt.directory.models import Need, Service, Unit

from . import organisations
from .base import upsert

# code: (Swedish name, English name, keywords). Mirrors the life areas of the mapping.
NEEDS: dict[str, tuple[str, str, str]] = {
    "arbete": (
        "Arbete",
        "Work",
        "arbete jobb arbetslös arbetssökande anställning sysselsättning yrke cv arbetsgivare "
        "lön work job employment",
    ),
    "svenska": (
        "Svenska språket",
        "Swedish language",
        "svenska språk sfi språkträning tala läsa skriva alfabetisering swedish language",
    ),
    "utbildning": (
        "Utbildning",
        "Education",
        "utbildning studier studera skola kurs komvux gymnasium validering betyg examen "
        "education studies",
    ),
    "fysisk-halsa": (
        "Fysisk hälsa",
        "Physical health",
        "hälsa sjuk sjukdom smärta värk läkare vård vårdcentral kropp motion health",
    ),
    "psykisk-halsa": (
        "Psykisk hälsa",
        "Mental health",
        "psykisk ohälsa oro ångest depression nedstämdhet stress trauma ptsd psykiatri "
        "psykolog samtalsstöd mental",
    ),
    "somn": (
        "Sömn och dygnsrytm",
        "Sleep and daily rhythm",
        "sömn sova sömnproblem sömnlöshet dygnsrytm trötthet rutiner mardrömmar sleep",
    ),
    "boende": (
        "Boende",
        "Housing",
        "boende bostad bostäder lägenhet hyra hyreskontrakt andrahandskontrakt bostadslös "
        "hemlös vräkning avhysning flytta housing",
    ),
    "ekonomi": (
        "Ekonomi",
        "Finances",
        "ekonomi pengar skulder skuld inkomst försörjning bidrag ersättning budget räkningar "
        "kronofogden money debt",
    ),
    "socialt-natverk": (
        "Socialt nätverk",
        "Social network",
        "ensam ensamhet nätverk vänner kontakter gemenskap mötesplats isolering social",
    ),
    "missbruk": (
        "Missbruk och beroende",
        "Substance use",
        "missbruk beroende alkohol droger narkotika spel spelberoende substance addiction",
    ),
    "familj": (
        "Familj och barn",
        "Family and children",
        "familj barn förälder föräldrar föräldraskap förskola barnomsorg family children",
    ),
    "fritid": (
        "Fritid",
        "Leisure",
        "fritid förening föreningsliv idrott kultur bibliotek aktiviteter leisure sport",
    ),
}


def _s(org, unit, name, needs, description, eligibility, how_to_refer, contact) -> dict:
    return {
        "org": org,
        "unit": unit,
        "name": name,
        "needs": needs,
        "description": description,
        "eligibility": eligibility,
        "how_to_refer": how_to_refer,
        "contact": contact,
    }


AF_ETABLERING = "Trelleborg – etablering och introduktion"
AF_REHAB = "Trelleborg – rehabilitering till arbete"
AF_ARBETSGIVARE = "Trelleborg – arbetsgivarkontakt"
VIA_AF = (
    "Kunden tar upp det med sin arbetsförmedlare, eller du föreslår insatsen i den gemensamma "
    "planen i Kitt. Arbetsförmedlaren beslutar om anvisning."
)

SERVICES: list[dict] = [
    # --- Arbetsförmedlingen ---
    _s(
        "af",
        AF_ETABLERING,
        "Etableringsprogrammet",
        ["arbete", "svenska", "utbildning"],
        "Ett program på upp till 24 månader för nyanlända. Kunden och arbetsförmedlaren gör en "
        "plan med SFI, samhällsorientering och aktiviteter som leder mot arbete eller studier. "
        "Kunden får etableringsersättning från Försäkringskassan medan programmet pågår.",
        "Nyanlända 20–64 år med uppehållstillstånd som flykting, skyddsbehövande eller anhörig "
        "(även 18–19 år utan föräldrar i Sverige). Ansökan senast ett år efter "
        "folkbokföringen i kommunen.",
        "Kunden skriver in sig hos Arbetsförmedlingen. Samverkanscoachen kan boka ett "
        "gemensamt inskrivningssamtal med AF, AMF och SFI.",
        "Etableringsteamet Trelleborg, etablering.trelleborg@arbetsformedlingen.example",
    ),
    _s(
        "af",
        AF_ETABLERING,
        "Arbetsmarknadsutbildning",
        ["arbete", "utbildning"],
        "Kortare yrkesutbildningar som Arbetsförmedlingen köper in, till exempel lager och "
        "logistik, lastbilsförare, restaurang, städ och svets. Utbildningen leder mot yrken "
        "där det finns lediga jobb i regionen.",
        "Arbetssökande inskrivna hos Arbetsförmedlingen som fyllt 25 år, eller deltar i "
        "etableringsprogrammet. Kunden behöver tillräcklig svenska för utbildningen, ibland "
        "med språkstöd.",
        VIA_AF,
        "Arbetsförmedlingen Trelleborg, 0771-416 416",
    ),
    _s(
        "af",
        AF_ETABLERING,
        "Rusta och matcha",
        ["arbete"],
        "En fristående leverantör som kunden väljer själv ger stöd att söka jobb, rustar "
        "inför studier och matchar mot arbetsgivare. Stödet anpassas efter hur långt från "
        "arbetsmarknaden kunden står.",
        "Arbetssökande som Arbetsförmedlingen bedömer behöver stöd och matchning, oftast efter "
        "en tid i arbetslöshet.",
        VIA_AF + " Kunden väljer sedan leverantör på arbetsformedlingen.se.",
        "Arbetsförmedlingen Trelleborg, 0771-416 416",
    ),
    _s(
        "af",
        AF_ARBETSGIVARE,
        "Introduktionsjobb",
        ["arbete", "svenska"],
        "En anställning med lönestöd hos en privat, offentlig eller ideell arbetsgivare. "
        "Anställningen kan kombineras med utbildning, till exempel SFI eller yrkessvenska, "
        "och är ett första steg in på arbetsmarknaden.",
        "Nyanlända och personer som varit arbetslösa i minst 12 månader, från 20 år.",
        "Arbetsgivaren ansöker hos Arbetsförmedlingen. Arbetsgivarkontakterna hjälper till "
        "att hitta en arbetsgivare – ta upp det i den gemensamma planen.",
        "Arbetsgivarteamet, arbetsgivare.trelleborg@arbetsformedlingen.example",
    ),
    _s(
        "af",
        AF_ARBETSGIVARE,
        "Arbetspraktik",
        ["arbete", "svenska"],
        "Praktik på en arbetsplats i tre till sex månader för att pröva ett yrke, få "
        "referenser och träna svenska i arbetet. Kunden behåller sin ersättning under "
        "praktiken.",
        "Arbetssökande från 25 år och deltagare i etableringsprogrammet. Språket bör räcka "
        "för att klara säkerheten på arbetsplatsen.",
        VIA_AF,
        "Arbetsgivarteamet, arbetsgivare.trelleborg@arbetsformedlingen.example",
    ),
    _s(
        "af",
        AF_REHAB,
        "Arbetslivsinriktad rehabilitering",
        ["arbete", "fysisk-halsa", "psykisk-halsa"],
        "Fördjupad kartläggning av arbetsförmågan med arbetsterapeut, psykolog, "
        "socialkonsulent eller syn- och hörselspecialist, följd av arbetsinriktade insatser "
        "som passar kundens förutsättningar.",
        "Arbetssökande med en funktionsnedsättning eller ohälsa som kan påverka arbetsförmågan.",
        VIA_AF + " Bifoga gärna läkarintyg eller annat underlag om hälsan.",
        "Rehabilitering till arbete, rehab.soderslatt@arbetsformedlingen.example",
    ),
    _s(
        "af",
        AF_REHAB,
        "SIUS – särskilt introduktions- och uppföljningsstöd",
        ["arbete", "psykisk-halsa", "fysisk-halsa"],
        "En SIUS-konsulent följer med kunden till arbetsplatsen, hjälper till att anpassa "
        "uppgifterna och stödjer både kunden och arbetsgivaren under introduktionen.",
        "Kunder med en funktionsnedsättning som medför nedsatt arbetsförmåga och som ska "
        "börja en anställning eller praktik.",
        VIA_AF,
        "Rehabilitering till arbete, rehab.soderslatt@arbetsformedlingen.example",
    ),
    # --- Arbetsmarknadsförvaltningen ---
    _s(
        "amf",
        "Samordnad etablering",
        "Samordnad etablering – gemensam inskrivning",
        ["arbete", "svenska", "socialt-natverk"],
        "Ett trepartssamtal mellan den sökande, Arbetsförmedlingen, Arbetsmarknadsförvaltningen "
        "och SFI, fyra till åtta veckor efter att den sökande fått bostad i kommunen. Samtalet "
        "ger en gemensam bild och en plan. En samverkanscoach håller sedan ihop kedjan och "
        "kallar till nätverksmöten.",
        "Nyanlända som bosatt sig i Trelleborgs kommun och deltar i etableringsprogrammet, "
        "eller som behöver insatser från flera av parterna samtidigt.",
        "Registrera personen i Kitt och be om en samverkanscoach, eller ring Samordnad etablering.",
        "Samordnad etablering, samordnad.etablering@trelleborg.example",
    ),
    _s(
        "amf",
        "Jobbcentrum",
        "Jobbcentrum – vägledning och matchning",
        ["arbete"],
        "Personlig jobbcoach, hjälp med cv och personligt brev, intervjuträning och "
        "matchning mot kommunens arbetsgivarnätverk. Drop-in på vardagsförmiddagar.",
        "Sökande som bor i Trelleborgs kommun och har ekonomiskt bistånd eller saknar ersättning.",
        "Socialsekreteraren på försörjningsstöd anvisar, eller coachen föreslår insatsen i "
        "planen i Kitt.",
        "Jobbcentrum, jobbcentrum@trelleborg.example",
    ),
    _s(
        "amf",
        "Jobbcentrum",
        "Extratjänst och kommunala introduktionsjobb",
        ["arbete", "svenska"],
        "Tidsbegränsade anställningar i kommunens verksamheter – skola, äldreomsorg, "
        "fritidsgårdar och park – med lönestöd från Arbetsförmedlingen. Handledare på "
        "arbetsplatsen och möjlighet att kombinera med SFI.",
        "Sökande som Arbetsförmedlingen bedömer har rätt till anställningsstöd, oftast "
        "nyanlända eller långtidsarbetslösa.",
        "Jobbcentrum och Arbetsförmedlingen beslutar tillsammans. Föreslå insatsen i planen.",
        "Jobbcentrum, jobbcentrum@trelleborg.example",
    ),
    _s(
        "amf",
        "Arbetsträning och praktik – Verkstaden",
        "Arbetsträning",
        ["arbete", "somn", "psykisk-halsa", "socialt-natverk"],
        "Arbetsträning i kommunens egna verksamheter: snickeri, cykelverkstad, kafé och "
        "second hand. Den sökande börjar med få timmar och ökar i egen takt. Fokus på "
        "dygnsrytm, passa tider och att fungera i en arbetsgrupp.",
        "Sökande långt från arbetsmarknaden, till exempel med ekonomiskt bistånd eller "
        "aktivitetsersättning.",
        "Remiss från socialsekreterare, arbetsförmedlare eller Försäkringskassans handläggare.",
        "Verkstaden, verkstaden@trelleborg.example",
    ),
    _s(
        "amf",
        "Arbetsträning och praktik – Verkstaden",
        "IPS – individanpassat stöd till arbete",
        ["arbete", "psykisk-halsa"],
        "Supported Employment enligt IPS-modellen: en IPS-coach hjälper den sökande att hitta "
        "och behålla ett vanligt arbete direkt, utan lång förberedelse, i nära samarbete med "
        "psykiatrins behandlare.",
        "Personer med psykisk ohälsa som själva vill arbeta och har kontakt med "
        "vuxenpsykiatrin eller socialpsykiatrin.",
        "Remiss från vuxenpsykiatrin eller socialtjänsten; den sökande kan också anmäla "
        "intresse själv.",
        "IPS-teamet, ips@trelleborg.example",
    ),
    _s(
        "amf",
        "Budget- och skuldrådgivning",
        "Budget- och skuldrådgivning",
        ["ekonomi"],
        "Kostnadsfri rådgivning under tystnadsplikt: göra en budget, få överblick över "
        "skulder, kontakt med inkasso och Kronofogden, och hjälp att ansöka om skuldsanering.",
        "Alla som bor i Trelleborgs kommun.",
        "Personen bokar själv tid, eller du förmedlar kontakt med personens samtycke.",
        "Budget- och skuldrådgivningen, skuldradgivning@trelleborg.example",
    ),
    _s(
        "amf",
        "Samordnad etablering",
        "Idrott för alla – föreningsslussen",
        ["fritid", "socialt-natverk", "fysisk-halsa"],
        "Kommunen och de lokala idrottsföreningarna erbjuder prova-på-träningar i fotboll, "
        "simning, cykel och gympa, och hjälper till med medlemskap och utrustning första "
        "säsongen. Ett sätt att få nya kontakter och röra på sig.",
        "Vuxna och barn som är nya i kommunen eller har begränsad ekonomi.",
        "Föreningsslussen tar emot anmälan direkt; coachen kan följa med första gången.",
        "Föreningsslussen, foreningsslussen@trelleborg.example",
    ),
    _s(
        "amf",
        "Samordnad etablering",
        "Språkvän och språkcafé",
        ["svenska", "socialt-natverk", "fritid"],
        "Frivilliga språkvänner träffar nyanlända en gång i veckan för att prata svenska och "
        "visa staden. Språkcafé varje onsdag på stadsbiblioteket.",
        "Alla som vill träna svenska, oavsett nivå.",
        "Personen anmäler sig själv eller via coachen.",
        "Samordnad etablering, samordnad.etablering@trelleborg.example",
    ),
    # --- SFI och Komvux ---
    _s(
        "sfi",
        "SFI",
        "SFI studieväg 1",
        ["svenska"],
        "Svenska för invandrare i lugnt tempo, kurs A och B, med läs- och skrivinlärning "
        "(alfabetisering) för den som behöver. Undervisning dag- eller kvällstid.",
        "Elever med kort eller ingen skolbakgrund, från 16 år och folkbokförda i kommunen.",
        "Eleven ansöker på kommunens webbplats eller via studie- och yrkesvägledaren; "
        "Arbetsförmedlingen kan ange SFI i etableringsplanen.",
        "SFI-expeditionen, sfi@trelleborg.example",
    ),
    _s(
        "sfi",
        "SFI",
        "SFI studieväg 2",
        ["svenska"],
        "Svenska för invandrare, kurs B och C, för elever med några års skolgång.",
        "Elever med 6–9 års skolbakgrund, folkbokförda i kommunen.",
        "Ansökan till SFI; inplacering efter inskrivningssamtal.",
        "SFI-expeditionen, sfi@trelleborg.example",
    ),
    _s(
        "sfi",
        "SFI",
        "SFI studieväg 3",
        ["svenska", "utbildning"],
        "Svenska för invandrare i högre tempo, kurs C och D, som förbereder för vidare "
        "studier på Komvux eller högskola.",
        "Elever med lång studievana, ofta gymnasie- eller högskoleutbildning från hemlandet.",
        "Ansökan till SFI; inplacering efter inskrivningssamtal.",
        "SFI-expeditionen, sfi@trelleborg.example",
    ),
    _s(
        "sfi",
        "SFI",
        "SFI kombinerat med praktik",
        ["svenska", "arbete"],
        "SFI på halvtid kombinerat med praktik på halvtid. Lärarna följer upp språket på "
        "praktikplatsen tillsammans med handledaren och arbetsförmedlaren.",
        "Elever på kurs B eller högre som deltar i etableringsprogrammet eller har "
        "försörjningsstöd.",
        "Arbetsförmedlaren eller Jobbcentrum föreslår insatsen; SFI ordnar schemat.",
        "SFI-expeditionen, sfi@trelleborg.example",
    ),
    _s(
        "sfi",
        "Komvux yrkesutbildning",
        "Yrkessvenska",
        ["svenska", "arbete", "utbildning"],
        "Svenska med yrkesord och arbetsplatskommunikation för vård, bygg, transport och "
        "restaurang. Läses parallellt med yrkesutbildning eller praktik.",
        "Elever som klarat SFI kurs C eller läser SFI D, med ett yrkesmål.",
        "Ansökan via studie- och yrkesvägledningen.",
        "Komvux yrkesutbildning, yrkesvux@trelleborg.example",
    ),
    _s(
        "sfi",
        "Komvux yrkesutbildning",
        "Yrkesvux vård och omsorg med språkstöd",
        ["utbildning", "arbete", "svenska"],
        "Undersköterskeutbildning på gymnasial nivå med extra språkstöd och yrkessvenska. "
        "Praktik (APL) inom kommunens äldreomsorg.",
        "Vuxna folkbokförda i kommunen som läser SFI D eller svenska som andraspråk.",
        "Ansökan via studie- och yrkesvägledningen; Arbetsförmedlingen kan ange studierna i "
        "etableringsplanen.",
        "Komvux yrkesutbildning, yrkesvux@trelleborg.example",
    ),
    _s(
        "sfi",
        "Samhällsorientering",
        "Samhällsorientering",
        ["socialt-natverk", "svenska"],
        "Minst 100 timmar om hur det svenska samhället fungerar – rättigheter och "
        "skyldigheter, arbete, bostad, hälsa, föräldraskap och demokrati – på modersmålet "
        "eller ett annat språk eleven förstår. Leds av samhällskommunikatörer.",
        "Nyanlända 18–64 år i etableringsprogrammet och anhöriginvandrare i kommunen.",
        "Arbetsförmedlingen anmäler inom etableringsprogrammet; andra anmäler sig själva.",
        "Samhällsorienteringen, samhallsorientering@trelleborg.example",
    ),
    _s(
        "sfi",
        "Studie- och yrkesvägledning",
        "Studie- och yrkesvägledning",
        ["utbildning", "arbete"],
        "Enskilda samtal om vilka studier och yrken som passar, hjälp att få utländsk "
        "utbildning bedömd och validerad, och en individuell studieplan.",
        "Alla vuxna i kommunen, även den som ännu inte studerar.",
        "Personen bokar själv, eller du förmedlar en tid med personens samtycke.",
        "Studie- och yrkesvägledningen, syv.vux@trelleborg.example",
    ),
    _s(
        "sfi",
        "Förskoleantagningen",
        "Förskoleplats – information och ansökan",
        ["familj"],
        "Information om förskola och pedagogisk omsorg och hjälp att ansöka om plats. Barn "
        "har rätt till förskola när föräldern arbetar eller studerar, och till allmän "
        "förskola 15 timmar i veckan från tre års ålder.",
        "Föräldrar folkbokförda i kommunen med barn 1–5 år.",
        "Föräldern ansöker i kommunens e-tjänst; förskoleantagningen hjälper till med tolk "
        "vid behov.",
        "Förskoleantagningen, forskola@trelleborg.example",
    ),
    # --- Försäkringskassan ---
    _s(
        "fk",
        "Etablering och familj",
        "Etableringsersättning",
        ["ekonomi"],
        "Ersättning till den som deltar i etableringsprogrammet, med etableringstillägg för "
        "den som har barn. Betalas ut per dag som kunden deltar i planerade aktiviteter.",
        "Deltagare i Arbetsförmedlingens etableringsprogram.",
        "Arbetsförmedlingen rapporterar; den försäkrade behöver inte ansöka själv.",
        "Försäkringskassan kundcenter, 0771-524 524",
    ),
    _s(
        "fk",
        "Etablering och familj",
        "Bostadsbidrag",
        ["boende", "ekonomi", "familj"],
        "Bidrag till boendekostnaden för barnfamiljer och unga vuxna med låg inkomst.",
        "Hushåll med barn, och unga 18–28 år utan barn, med låga inkomster.",
        "Den försäkrade ansöker på forsakringskassan.se; du kan hjälpa till med ansökan.",
        "Försäkringskassan kundcenter, 0771-524 524",
    ),
    _s(
        "fk",
        "Aktivitetsersättning Syd",
        "Aktivitetsersättning",
        ["ekonomi", "psykisk-halsa", "fysisk-halsa", "utbildning"],
        "Ersättning för unga vars arbetsförmåga är nedsatt i minst ett år, eller som behöver "
        "förlängd skolgång. Handläggaren planerar aktiviteter som stärker förmågan.",
        "Unga 19–29 år med nedsatt arbetsförmåga på grund av sjukdom eller funktionsnedsättning.",
        "Den försäkrade ansöker; läkarutlåtande behövs. Bjud gärna in handläggaren till ett "
        "nätverksmöte.",
        "Aktivitetsersättning Syd, aktivitetsersattning.syd@forsakringskassan.example",
    ),
    _s(
        "fk",
        "Sjukförsäkring Malmö–Trelleborg",
        "Rehabiliteringsersättning",
        ["ekonomi", "arbete"],
        "Ersättning när den försäkrade deltar i arbetslivsinriktad rehabilitering, till "
        "exempel arbetsträning, i stället för sjukpenning.",
        "Försäkrade med sjukpenninggrundande inkomst som deltar i en rehabiliteringsplan.",
        "Försäkringskassans handläggare beslutar utifrån rehabiliteringsplanen.",
        "Sjukförsäkring Malmö–Trelleborg, 0771-524 524",
    ),
    _s(
        "fk",
        "Lokal samverkan Söderslätt",
        "Samordning av rehabilitering och avstämningsmöte",
        ["arbete", "fysisk-halsa", "psykisk-halsa"],
        "Försäkringskassan samordnar de rehabiliterande insatserna och kallar till "
        "avstämningsmöte med den försäkrade, läkare, arbetsgivare och Arbetsförmedlingen för "
        "att klargöra arbetsförmågan och nästa steg.",
        "Försäkrade som är sjukskrivna eller har aktivitetsersättning och behöver insatser "
        "från flera aktörer.",
        "Be Försäkringskassans handläggare om ett avstämningsmöte, eller bjud in hen till "
        "ett nätverksmöte i Kitt.",
        "Lokal samverkan Söderslätt, samverkan.syd@forsakringskassan.example",
    ),
    # --- Socialtjänsten ---
    _s(
        "soc",
        "Försörjningsstöd",
        "Ekonomiskt bistånd",
        ["ekonomi", "boende"],
        "Försörjningsstöd till mat, hyra och andra levnadskostnader när andra inkomster inte "
        "räcker, och bistånd till enstaka behov som tandvård eller hemutrustning. Planering "
        "mot egen försörjning tillsammans med Jobbcentrum.",
        "Den som bor i kommunen och inte kan försörja sig på annat sätt.",
        "Klienten ansöker själv via e-tjänst eller på receptionen.",
        "Försörjningsstöd, forsorjningsstod@trelleborg.example",
    ),
    _s(
        "soc",
        "Boendeenheten",
        "Bostadssocial insats – träningslägenhet",
        ["boende", "psykisk-halsa", "missbruk"],
        "Socialtjänsten hyr ut en lägenhet i andra hand med stöd, som steg mot ett eget "
        "hyreskontrakt (bostad först-inspirerat). Kontraktet tas över efter ett till två år "
        "utan anmärkningar.",
        "Vuxna som saknar bostad och inte kan få ett kontrakt på egen hand, till exempel på "
        "grund av skulder eller tidigare vräkning.",
        "Ansökan hos boendeenheten; socialsekreteraren utreder behovet.",
        "Boendeenheten, boende.ifo@trelleborg.example",
    ),
    _s(
        "soc",
        "Boendeenheten",
        "Boendestöd",
        ["boende", "somn", "psykisk-halsa", "ekonomi"],
        "Praktiskt och socialt stöd i hemmet: rutiner och dygnsrytm, post och räkningar, "
        "städning och matlagning, och kontakt med hyresvärden.",
        "Vuxna med psykisk ohälsa eller funktionsnedsättning som behöver stöd för att "
        "klara sitt boende.",
        "Ansökan hos socialtjänsten (bistånd enligt socialtjänstlagen).",
        "Boendeenheten, boende.ifo@trelleborg.example",
    ),
    _s(
        "soc",
        "Boendeenheten",
        "Hjälp vid hot om vräkning och akut bostadslöshet",
        ["boende", "ekonomi"],
        "När hyresvärden sagt upp kontraktet eller hyran inte betalats kontaktar "
        "socialtjänsten hushållet för att förhindra vräkning. Jourboende vid akut "
        "hemlöshet.",
        "Hushåll i kommunen som riskerar att förlora sin bostad eller saknar tak över huvudet.",
        "Kontakta boendeenheten direkt, samma dag vid akut läge.",
        "Boendeenheten, boende.ifo@trelleborg.example",
    ),
    _s(
        "soc",
        "Vuxenenheten – beroende och öppenvård",
        "Öppenvård vid missbruk och beroende",
        ["missbruk", "psykisk-halsa"],
        "Motiverande samtal, behandling i grupp och enskilt (bland annat CRA och "
        "återfallsprevention), stöd till anhöriga. Samarbete med beroendepsykiatrin vid behov.",
        "Vuxna med problem med alkohol, narkotika, läkemedel eller spel, och deras anhöriga.",
        "Personen kan söka själv, anonymt om hen vill, eller remitteras från vården eller "
        "socialtjänsten.",
        "Mottagningen, vuxenenheten@trelleborg.example",
    ),
    _s(
        "soc",
        "Barn och familj",
        "Föräldrastöd och familjebehandling",
        ["familj", "psykisk-halsa"],
        "Föräldrastödsprogram i grupp (även på arabiska, dari och somaliska) och "
        "familjebehandling i hemmet när familjen vill ha hjälp med relationer och vardag.",
        "Familjer med barn 0–17 år i kommunen.",
        "Familjen söker själv; familjebehandling efter beslut av socialsekreterare.",
        "Barn och familj, barnochfamilj@trelleborg.example",
    ),
    # --- Region Skåne ---
    _s(
        "region",
        "Vårdcentralen Trelleborg Centrum",
        "Hälsoundersökning för nyanlända",
        ["fysisk-halsa", "psykisk-halsa"],
        "En hälsoundersökning med sjuksköterska och vid behov läkare: vaccinationer, "
        "provtagning, frågor om psykisk hälsa och hjälp att hitta rätt i vården. Tolk bokas "
        "av vårdcentralen.",
        "Asylsökande och nyanlända, helst under de första månaderna i Sverige.",
        "Patienten bokar via 1177; coachen kan hjälpa till att boka.",
        "Vårdcentralen Trelleborg Centrum, via 1177",
    ),
    _s(
        "region",
        "Vårdcentralen Trelleborg Centrum",
        "Hälsosamtal om levnadsvanor",
        ["fysisk-halsa", "somn"],
        "Samtal med distriktssköterska om mat, rörelse, sömn, alkohol och tobak, med en egen "
        "plan och uppföljning.",
        "Listade patienter på vårdcentralen.",
        "Patienten bokar via 1177.",
        "Vårdcentralen Trelleborg Centrum, via 1177",
    ),
    _s(
        "region",
        "Vårdcentralen Trelleborg Centrum",
        "Sömnskola i grupp",
        ["somn", "psykisk-halsa"],
        "Fem träffar med KBT för sömnproblem: sömnrestriktion, rutiner och hur oro påverkar "
        "sömnen. Ett alternativ till sömnmedicin.",
        "Vuxna med långvariga sömnproblem, listade på vårdcentralen.",
        "Remiss från läkare eller kurator på vårdcentralen.",
        "Vårdcentralen Trelleborg Centrum, via 1177",
    ),
    _s(
        "region",
        "Vårdcentralen Trelleborg Centrum",
        "Kurator på vårdcentralen",
        ["psykisk-halsa", "socialt-natverk"],
        "Stödsamtal vid oro, nedstämdhet, kris och stress, och hjälp att hitta vidare stöd. "
        "Några samtal med korttidsterapi.",
        "Patienter listade på vårdcentralen, från 18 år.",
        "Patienten bokar via 1177 eller remitteras av läkare.",
        "Vårdcentralen Trelleborg Centrum, via 1177",
    ),
    _s(
        "region",
        "Vårdcentralen Trelleborg Centrum",
        "Fysisk aktivitet på recept (FaR)",
        ["fysisk-halsa", "fritid", "somn"],
        "Ordination av fysisk aktivitet med en fysioterapeut som hjälper till att hitta en "
        "aktivitet som passar, ofta tillsammans med en förening.",
        "Patienter där rörelse kan förebygga eller behandla sjukdom.",
        "Läkare, sjuksköterska eller fysioterapeut skriver receptet.",
        "Vårdcentralen Trelleborg Centrum, via 1177",
    ),
    _s(
        "region",
        "Vuxenpsykiatrin Trelleborg – allmänpsykiatrisk mottagning",
        "Psykiatrisk öppenvård",
        ["psykisk-halsa", "somn"],
        "Utredning och behandling vid svårare psykisk ohälsa: depression, ångest, bipolär "
        "sjukdom, psykos och neuropsykiatriska tillstånd. Samordnad individuell plan (SIP) "
        "med kommunen vid behov.",
        "Vuxna från 18 år med svår eller långvarig psykisk ohälsa.",
        "Remiss från vårdcentralen, eller egen vårdbegäran via 1177.",
        "Vuxenpsykiatrin Trelleborg, via 1177",
    ),
    _s(
        "region",
        "Vuxenpsykiatrin Trelleborg – allmänpsykiatrisk mottagning",
        "Arbetsterapeutisk bedömning av aktivitetsförmåga",
        ["arbete", "psykisk-halsa", "fysisk-halsa", "somn"],
        "Arbetsterapeuten bedömer hur personen klarar vardag, studier och arbete, och föreslår "
        "anpassningar och hjälpmedel. Underlag till Försäkringskassan och Arbetsförmedlingen.",
        "Patienter inom vuxenpsykiatrin.",
        "Behandlaren på mottagningen remitterar.",
        "Vuxenpsykiatrin Trelleborg, via 1177",
    ),
    _s(
        "region",
        "Traumamottagningen för flyktingar",
        "Traumabehandling för flyktingar",
        ["psykisk-halsa", "somn", "familj"],
        "Bedömning och behandling av traumarelaterad ohälsa efter krig, tortyr och flykt: "
        "traumafokuserad KBT och samtal med tolk, stabiliserande grupper och stöd till "
        "familjen. Konsultation till personal som möter personen.",
        "Vuxna och familjer med flyktingbakgrund och symtom på posttraumatisk stress, "
        "till exempel mardrömmar, flashbacks och sömnproblem.",
        "Remiss från vårdcentral eller psykiatri; personal kan ringa för konsultation.",
        "Traumamottagningen för flyktingar, trauma.syd@skane.example",
    ),
]


def seed() -> str:
    needs = {}
    for code, (name, name_en, keywords) in NEEDS.items():
        needs[code], _ = upsert(
            Need,
            lookup={"code": code},
            values={"name": name, "name_en": name_en, "keywords": keywords},
        )
    orgs = {key: organisations.organisation(key) for key in organisations.ORGANISATIONS}
    units = {
        (u.organisation_id, u.name): u for u in Unit.objects.filter(organisation__in=orgs.values())
    }
    for spec in SERVICES:
        org = orgs[spec["org"]]
        unit = units[(org.pk, spec["unit"])] if spec["unit"] else None
        service, _ = upsert(
            Service,
            lookup={"organisation": org, "name": spec["name"]},
            values={
                "unit_id": unit.pk if unit else None,
                "description": spec["description"],
                "eligibility": spec["eligibility"],
                "how_to_refer": spec["how_to_refer"],
                "contact": spec["contact"],
                "is_active": True,
            },
        )
        wanted = {needs[code].pk for code in spec["needs"]}
        if set(service.needs.values_list("pk", flat=True)) != wanted:
            service.needs.set(wanted)
    return f"{len(NEEDS)} behov, {len(SERVICES)} insatser"
