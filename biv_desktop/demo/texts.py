"""Swedish wording the demo fills free-text fields with: reasons, quotes, efforts, notes and decisions."""

from biv_desktop.domain.enums import Channel, Party

PUBLIC_PARTY = "Social- och omsorgsnämnden, Linköpings kommun"
NONPROFIT_PARTY = "Svenska kyrkan, Linköpings domkyrkopastorat"
DEPARTMENT_BUDGET = "Social- och omsorgsförvaltningens budget"
STATE_GRANT = "Statsbidrag för föräldraskapsstöd"

# (name, district, address, capacity, notes): fictional addresses in the three districts.
PREMISES = (
    (
        "Rydsgården",
        "Ryd",
        "Vårdkasens gata 7, 584 35 Linköping",
        20,
        "Samlingssal och två grupprum. Målarmaterial i förrådet bredvid köket.",
    ),
    (
        "Bergagården",
        "Berga",
        "Ängsviolens väg 3, 582 47 Linköping",
        16,
        "Ingång från gården. Nyckel hämtas i expeditionen före kl. 15.",
    ),
    (
        "Skäggetorpsgården",
        "Skäggetorp",
        "Kvarnstensgatan 21, 586 64 Linköping",
        24,
        "Stor sal med scen, bra för drama. Parkering bakom huset.",
    ),
)

# Where families live: mostly near the premises, some further away.
DISTRICTS = ("Skäggetorp", "Berga", "Ryd", "Lambohov", "Johannelund", "Ekholmen", "Vasastaden", "Hjulsbro")
DISTRICT_WEIGHTS = (30, 24, 24, 7, 6, 5, 2, 2)

INTERPRETER_AGENCIES = ("Språkbryggan Tolkservice", "Tolkbyrån Stångån", "Östgöta Språkpartner")
MUNICIPAL_UNITS = (
    "Socialtjänsten, barn och unga",
    "Elevhälsan, grundskolan",
    "Familjecentralen i Skäggetorp",
    "Öppenvården för barn och familj",
    "Introduktionsenheten för nyanlända",
    "Fritidsgården i Berga",
)
COURSE_PLACES = ("Rydsgården, Linköping", "Bergagården, Linköping", "Skäggetorpsgården, Linköping")

CONSENT_BY_GUARDIANS = ("vårdnadshavare", "vårdnadshavare", "båda vårdnadshavarna", "mamma", "pappa")
CONSENT_OWN = "eget samtycke"
CONSENT_OWN_AND_GUARDIAN = "eget samtycke och vårdnadshavare"

CHILD_LEAVE_REASONS = (
    "Familjen flyttade till en annan kommun",
    "Familjen fick besked och flyttade till ett anläggningsboende",
    "Krockar med en fritidsaktivitet samma dag",
    "Ville inte fortsätta",
    "Började på en skola med längre skoldag",
    "Långt att resa till lokalen",
)
PARENT_LEAVE_REASONS = (
    "Krockar med SFI-undervisningen",
    "Har fått arbete på eftermiddagarna",
    "Familjen flyttade till en annan kommun",
    "Tar hand om ett yngre barn hemma",
)
CANCELLED_GROUP_NOTE = "Gruppen ställdes in: för få anmälda"
CANCELLED_GROUP_LEAVE_REASON = "Gruppen ställdes in"
SESSION_CANCEL_REASONS = (
    "Inställt: gruppledaren sjuk och ingen ersättare",
    "Inställt: tolken kunde inte komma",
    "Inställt på grund av snöoväder",
    "Inställt: lokalen var dubbelbokad",
)
SUBSTITUTE_NOTE = "Ersättare för ordinarie gruppledare"
UNTRAINED_SUBSTITUTE_NOTE = "Ordinarie gruppledare sjuk; ersättaren har inte gått utbildningen än"
INTERPRETER_CANCELLED_NOTE = "Tolken har lämnat återbud; ny tolk är inte bokad än"

CHILDREN_QUOTES = (
    "Det bästa var när vi målade våra drömmar.",
    "Jag har fått nya kompisar här.",
    "Jag vågade berätta om resan för första gången.",
    "Det var roligt att spela teater.",
    "Ibland var det svårt, men ledarna var snälla.",
    "Jag vill att gruppen ska fortsätta!",
    "Jag förstår mer om hur det fungerar i Sverige nu.",
    "Tolken hjälpte mig att säga det jag ville.",
    "Mer fika nästa gång!",
    "- mer tid för lek, tack",
    "Jag tänker inte lika mycket på det jobbiga längre.",
)
PARENT_QUOTES = (
    "Nu förstår jag bättre hur mitt barn mår.",
    "Jag har träffat andra föräldrar och känner mig inte lika ensam.",
    "Det var skönt att få prata på mitt eget språk.",
    "Jag hade önskat fler träffar.",
    "Informationen om skolan var mycket värdefull.",
    "+ bra tolk, + trevliga ledare",
    "Mitt barn har börjat prata mer hemma om hur det känns.",
)
# Begins with "=" on purpose: exports must keep it text, not a spreadsheet formula.
FORMULA_LIKE_QUOTE = "=) Tack för allt, jag kommer att sakna gruppen!"

# (party, channel, audience, description) of the efforts both parties make to describe the activity.
COMMUNICATION_EFFORTS: tuple[tuple[Party, Channel, str, str], ...] = (
    (
        Party.PARISH,
        Channel.WEBSITE,
        "Allmänheten",
        "Uppdaterade sidan om Barn i väntan/Barn i start på pastoratets webbplats med terminens grupper.",
    ),
    (
        Party.PARISH,
        Channel.PRINTED,
        "Familjer i målgruppen",
        "Tryckte informationsblad på arabiska, dari, somaliska, tigrinja och ukrainska.",
    ),
    (
        Party.PARISH,
        Channel.MEETING,
        "Skolkuratorer och elevhälsa",
        "Presenterade verksamheten på elevhälsans arbetsplatsträff.",
    ),
    (
        Party.PARISH,
        Channel.EVENT,
        "Boende i Skäggetorp",
        "Bokbord vid kulturfesten i Skäggetorps centrum.",
    ),
    (
        Party.PARISH,
        Channel.NETWORK,
        "Frivilligorganisationer",
        "Berättade om grupperna i det lokala nätverket för mottagande av nyanlända.",
    ),
    (
        Party.MUNICIPALITY,
        Channel.WEBSITE,
        "Allmänheten",
        "Informationen om stödgrupperna på kommunens webbplats sågs över och länkades från familjesidorna.",
    ),
    (
        Party.MUNICIPALITY,
        Channel.NETWORK,
        "Professionella som möter målgruppen",
        "Nätverksträff för socialtjänst, skola och familjecentraler där BIV/BIS presenterades.",
    ),
    (
        Party.MUNICIPALITY,
        Channel.MEETING,
        "Socialsekreterare",
        "Information på socialtjänstens enhetsmöte om hur familjer anmäls till grupperna.",
    ),
    (
        Party.MUNICIPALITY,
        Channel.PRINTED,
        "Introduktionsenheten",
        "Informationsbladet om grupperna lades i välkomstmappen för nyanlända familjer.",
    ),
    (
        Party.MUNICIPALITY,
        Channel.OTHER,
        "Medarbetare i kommunen",
        "Kort artikel om verksamheten i kommunens interna nyhetsbrev.",
    ),
)

MEETING_OBSERVATIONS = (
    "Efterfrågan är fortsatt större än antalet platser, särskilt i Skäggetorp.",
    "Föräldragrupperna uppskattas och bidrar till nya nätverk mellan familjerna.",
    "Tolkbokningen har fungerat bra under perioden.",
    "Det har varit svårt att hitta tolk på dari vissa veckor.",
    "Flera familjer har fått uppehållstillstånd under perioden och går vidare till BIS.",
    "Samverkan mellan parterna fungerar väl.",
    "Deltagarnas återkoppling är övervägande positiv.",
)
MEETING_DECISIONS = (
    "Pastoratet tar fram ett nytt informationsblad inför nästa termin.",
    "Kommunen bjuder in till en nätverksträff med elevhälsan.",
    "Kommunens fyra utbildningsplatser fördelas före nästa gruppledarutbildning.",
    "Parterna ser över fördelningen av grupper mellan lokalerna.",
    "Nästa uppföljning hålls om ett halvår.",
    "Pastoratet undersöker möjligheten att starta ytterligare en grupp nästa termin.",
)
MUNICIPAL_ROLE = "utvecklingsledare, Social- och omsorgsförvaltningen"
PARISH_ROLE = "samordnande diakon, Linköpings domkyrkopastorat"

# Municipal amounts per agreement year: the department budget is fixed, the state grant varies.
DEPARTMENT_AMOUNT = 100_000
STATE_GRANT_BY_YEAR = {
    2017: 180_000,
    2018: 185_000,
    2019: 190_000,
    2020: 190_000,
    2021: 195_000,
    2022: 200_500,
    2023: 200_500,
    2024: 205_000,
    2025: 205_000,
}
STATE_GRANT_LATER = 210_000
PARISH_AMOUNT = 160_000
