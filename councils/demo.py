"""Demo councils, people, meetings and minutes from the two meeting seeds.

* ``001_18f791a6726bf167.txt``: Aalborg, Integrationsrådet, 11 April 2023 (minutes).
* ``002_4415a716a33e3f3f.txt``: Norddjurs, Dialogforum for Integration, 15 March 2023,
  case 22/740 and its route from Arbejdsmarkedsudvalget, 14 September 2022.

Idempotent: every row is found by its natural key (update_or_create), so ``loaddemo`` can
run any number of times.

Stable lookups for other apps: the item where Integrationsrådet approved the draft
Integration Strategy 2023-2026 is item 5 of the 11 April 2023 meeting; use
``strategy_draft_item()`` (policies.demo links its Policy to it). ``case_22_740()`` gives
the Norddjurs case.

Reconstructed where the seed page lost or never had it (said here, not invented silently):
* Aalborg item titles: the page shows no titles. Items 1, 2, 9, 10 and 11 get the standing
  titles they clearly had (their decisions are "Godkendt", "Godkendt", the chair's news,
  the departments' news and "Intet"); items 3-8 are named from their Indstilling.
* Attachment titles in Aalborg (the page only says "Bilag") are taken from the texts that
  name them (the presentation, the strategy draft, the cover letter and hearing draft, the
  status report, the invitation). Their files are demo placeholders.
* Meeting times: neither page gives a time of day; 16.00 (8.30 for the committee) is ours.
* Norddjurs item numbers are not on the page; each item is number 1 of its meeting.
* One meeting and its closed item are FICTITIOUS (``FICTIONAL_*``), so the closed path can
  be seen; they say so in their texts.
"""

import datetime
import zoneinfo

from django.core.files.base import ContentFile
from django.urls import reverse

from core.models import Municipality
from core.text import danish_slugify
from councils.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Case,
    Council,
    FollowUp,
    ItemGuest,
    Meeting,
    Membership,
    Person,
)

TZ = zoneinfo.ZoneInfo("Europe/Copenhagen")
Kind = Council.Kind
Outcome = AgendaItem.Outcome
Status = Meeting.Status

COUNCILS = {
    "aalborg": [
        ("Byrådet", Kind.CITY_COUNCIL, ""),
        ("Integrationsrådet", Kind.ADVISORY_COUNCIL, ""),
        ("Job- og Velfærdsudvalget", Kind.STANDING_COMMITTEE, ""),
        # The ten bodies consulted on the Integration Strategy 2023-2026 (seed 000).
        ("Børne- og Undervisningsudvalget", Kind.STANDING_COMMITTEE, ""),
        ("Senior- og Omsorgsudvalget", Kind.STANDING_COMMITTEE, ""),
        ("Sundheds- og Kulturudvalget", Kind.STANDING_COMMITTEE, ""),
        ("Mangfoldighedsudvalget", Kind.STANDING_COMMITTEE, ""),
        ("Det Lokale Beskæftigelsesråd", Kind.ADVISORY_COUNCIL, ""),
        ("Uddannelsesrådet", Kind.ADVISORY_COUNCIL, ""),
        ("Handicaprådet", Kind.ADVISORY_COUNCIL, ""),
        ("Udsatterrådet", Kind.ADVISORY_COUNCIL, ""),
        ("Seniorrådet", Kind.ADVISORY_COUNCIL, ""),
        ("Folkeoplysningsudvalget", Kind.STANDING_COMMITTEE, ""),
    ],
    "norddjurs": [
        ("Dialogforum for Integration", Kind.FORUM, "DFI"),
        ("Arbejdsmarkedsudvalget", Kind.STANDING_COMMITTEE, ""),
        ("Børne- og Ungdomsudvalget", Kind.STANDING_COMMITTEE, ""),
    ],
}

FICTIONAL_TITLE = (
    "FIKTIVT DEMOPUNKT: Fortrolig ansøgning fra navngiven forening om underskudsgaranti"
)
FICTIONAL_CONFIDENTIAL = "FORTROLIG DEMOTEKST – kun for rådets medlemmer og sekretariatet."


def _p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _at(year, month, day, hour=16, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=TZ)


# --- a tiny valid PDF, so the demo needs no PDF library ---------------------------------


def _pdf_escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def placeholder_pdf(title, lines):
    """A one-page PDF (WinAnsi text) saying that it stands in for the original document."""
    content_lines = ["BT", "/F1 16 Tf", "50 780 Td", f"({_pdf_escape(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        content_lines += ["0 -22 Td", f"({_pdf_escape(line)}) Tj"]
    content_lines.append("ET")
    stream = "\n".join(content_lines).encode("cp1252", errors="replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


# --- helpers ----------------------------------------------------------------------------


def _person(municipality, name, title=""):
    person, _ = Person.objects.update_or_create(
        municipality=municipality, name=name, defaults={"title": title}
    )
    return person


def _member(council, person, role=Membership.Role.MEMBER, represents=""):
    Membership.objects.update_or_create(
        council=council, person=person, role=role, defaults={"represents": represents}
    )


def _meeting(council, starts_at, status, location="", ends_at=None):
    defaults = {"status": status, "location": location, "ends_at": ends_at}
    if status in Meeting.AGENDA_PUBLIC:
        defaults["agenda_published_at"] = starts_at - datetime.timedelta(days=7)
    if status in Meeting.MINUTES_PUBLIC:
        defaults["minutes_published_at"] = starts_at + datetime.timedelta(days=3)
    meeting, _ = Meeting.objects.update_or_create(
        council=council, starts_at=starts_at, defaults=defaults
    )
    return meeting


def _item(meeting, number, title, **fields):
    fields.setdefault("position", number)
    item, _ = AgendaItem.objects.update_or_create(
        meeting=meeting, number=number, defaults={"title": title, **fields}
    )
    return item


def _guest(item, person, capacity=""):
    ItemGuest.objects.update_or_create(item=item, person=person, defaults={"capacity": capacity})


def _attachment(item, number, title, journal_number="", document_number="", is_closed=False):
    attachment, _ = Attachment.objects.update_or_create(
        item=item,
        number=number,
        defaults={
            "title": title,
            "journal_number": journal_number,
            "document_number": document_number,
            "is_closed": is_closed,
            "content_type": "application/pdf",
        },
    )
    if not attachment.file or not attachment.file.storage.exists(attachment.file.name):
        meeting = item.meeting
        lines = [
            "DEMO-PLADSHOLDER - ikke det originale dokument.",
            f"Originalen: {title}",
            f"{meeting.council.name}, møde {meeting.starts_at.astimezone(TZ):%d.%m.%Y}, "
            f"punkt {item.number}, bilag {number}.",
        ]
        if journal_number:
            lines.append(f"Journalnummer: {journal_number}")
        if document_number:
            lines.append(f"Dokumentnummer: {document_number}")
        pdf = placeholder_pdf("Politikspor demobilag", lines)
        attachment.file.save(
            f"bilag-{number}-{danish_slugify(title)[:60]}.pdf", ContentFile(pdf), save=False
        )
        attachment.size = len(pdf)
        attachment.save()
    return attachment


def _follow_up(item, title, kind, task, members=(), support=(), **fields):
    follow_up, _ = FollowUp.objects.update_or_create(
        item=item, title=title, defaults={"kind": kind, "task": task, **fields}
    )
    follow_up.members.set(members)
    follow_up.support.set(support)
    return follow_up


# --- Aalborg ------------------------------------------------------------------------------


def _aalborg(councils):
    aalborg = Municipality.objects.get(slug="aalborg")
    integration = councils["integrationsraadet"]
    people = {
        "lynge": _person(aalborg, "Anna Lynge", "Formand for Integrationsrådet"),
        "jurowetzki": _person(aalborg, "Roman Jurowetzki"),
        "bayazidi": _person(aalborg, "Hirou Bayazidi"),
        "hussein": _person(aalborg, "Nuuradiin S. Hussein", "Rådmand, Job og Velfærd"),
        "bakholm": _person(
            aalborg, "Denise Bakholm", "Centerchef for Center for Tværfaglig Forebyggelse"
        ),
        "ishoy": _person(aalborg, "Rikke Ishøy"),
        "bilgram": _person(aalborg, "Arne Bilgram", "Økonomi- og IT-chef v. Job og Velfærd"),
        "jensen": _person(aalborg, "Bente Jensen", "Forfatter bag MultiAalborg"),
        "ozkaya": _person(aalborg, "Betül Özkaya", "Forfatter bag MultiAalborg"),
        "christensen": _person(aalborg, "Ann-Dorte Christensen", "Forfatter bag MultiAalborg"),
    }
    _member(integration, people["lynge"], Membership.Role.CHAIR)
    _member(integration, people["jurowetzki"])
    _member(integration, people["bayazidi"])
    # A rådmand sits in the city council and chairs the department's standing committee.
    _member(councils["byraadet"], people["hussein"])
    _member(councils["job-og-velfaerdsudvalget"], people["hussein"], Membership.Role.CHAIR)

    meeting = _meeting(integration, _at(2023, 4, 11), Status.MINUTES_PUBLISHED)
    _meeting(integration, _at(2023, 6, 20), Status.PLANNED)  # "rådets næste møde"

    # 1-2: standing titles (reconstructed).
    _item(meeting, 1, "Godkendelse af dagsorden", outcome=Outcome.APPROVED)
    _item(meeting, 2, "Godkendelse af referat", outcome=Outcome.APPROVED)

    # 3: title from the Indstilling.
    budget = _item(
        meeting,
        3,
        "Introduktion til den kommunale budgetproces",
        recommendation=_p(
            "Job og Velfærd fremsender til Integrationsrådets orientering, introduktion til "
            "den kommunale budgetproces.",
            "Økonomi- og IT-chef v. Job og Velfærd, Arne Bilgram, deltager under punktet.",
        ),
        outcome=Outcome.DISCUSSED,
        decision=_p(
            "Økonomi- og IT-chef, Arne Bilgram, gav en introduktion til den overordnede "
            "budgetproces. Arne Bilgrams præsentation er vedlagt som bilag til referatet.",
            "Eventuelle ønsker til budgettet skal fremsendes primo maj 2023.",
            "Integrationsrådet vedtog at indsende et budgetønske vedr. finansiering af "
            "opfølgning på MultiAalborg projektet. Integrationsrådet nedsatte en "
            "arbejdsgruppe bestående af Roman Jurowetzki og Hirou Bayazidi, som er ansvarlig "
            "for at indsende budgetønsket. Denise Bakholm og Rikke Ishøy kan hjælpe ift. "
            "sekretariatsbistand.",
        ),
    )
    _guest(budget, people["bilgram"], "Økonomi- og IT-chef v. Job og Velfærd")
    _attachment(budget, 1, "Arne Bilgrams præsentation af den kommunale budgetproces")
    _follow_up(
        budget,
        "Budgetønske: finansiering af opfølgning på MultiAalborg projektet",
        FollowUp.Kind.WORKING_GROUP,
        "Arbejdsgruppen er ansvarlig for at indsende budgetønsket vedr. finansiering af "
        "opfølgning på MultiAalborg projektet.",
        members=[people["jurowetzki"], people["bayazidi"]],
        support=[people["bakholm"], people["ishoy"]],
        due_date=datetime.date(2023, 5, 1),
        due_label="primo maj 2023",
    )

    # 4
    multi = _item(
        meeting,
        4,
        "Opfølgning på MultiAalborg projektet",
        recommendation=_p(
            "Job og Velfærd indstiller, at Integrationsrådet drøfter en eventuel opfølgning "
            "på MultiAalborg projektet.",
            "Bente Jensen, Betül Özkaya, og Ann-Dorte Christensen deltager under punktet.",
        ),
        outcome=Outcome.DISCUSSED,
        # Verbatim: the decision spells the names "Ann-Dorthe" and "Ozkaya".
        decision=_p(
            "Forfatterne bag MultiAalborg, Bente Jensen, Ann-Dorthe Christensen og Betül "
            "Ozkaya gav en introduktion til MultiAalborg projektet, samt ønsker til en "
            "eventuel fortsættelse af projektet.",
            "Integrationsrådet kvitterede for et godt og vigtigt projekt med gode resultater, "
            'hvor både bogen "MultiAalborg" og forfatternes foredrag/oplæg herom blev '
            "fremhævet som værende gode platforme til  dialog mellem nytilkomne borgere og "
            "etniske danskere.",
        ),
    )
    for key in ("jensen", "ozkaya", "christensen"):
        _guest(multi, people[key], "Forfatter bag MultiAalborg")

    # 5: the item the policies app links its strategy to (see strategy_draft_item()).
    strategy = _item(
        meeting,
        5,
        "Godkendelse af udkast til Aalborg Kommunes Integrationsstrategi 2023-2026",
        recommendation=_p(
            "Job og Velfærd indstiller, at Integrationsrådet godkender udkast til Aalborg "
            "Kommunes Integrationsstrategi 2023-2026."
        ),
        outcome=Outcome.APPROVED_WITH_REMARKS,
        decision=_p(
            "Integrationsrådet godkendte udkast til Integrationsstrategi 2023-2026 med "
            "enkelte ændringer.",
            "Integrationsrådet vedtog, at sekretariatet skal kvittere for de mange relevante "
            "høringssvar, som rådet har modtaget ift. Integrationsstrategien.",
            "Integrationsrådet påbegynder proces vedr. udarbejdelse af handleplaner til "
            "rådets næste møde, der afvikles den 20. juni 2023.",
        ),
    )
    _attachment(strategy, 1, "Udkast til Aalborg Kommunes Integrationsstrategi 2023-2026")
    _follow_up(
        strategy,
        "Kvittering for høringssvar til Integrationsstrategien",
        FollowUp.Kind.TASK,
        "Sekretariatet skal kvittere for de mange relevante høringssvar, som rådet har "
        "modtaget ift. Integrationsstrategien.",
        support=[people["bakholm"], people["ishoy"]],
    )
    _follow_up(
        strategy,
        "Handleplaner til Integrationsstrategien",
        FollowUp.Kind.TASK,
        "Integrationsrådet påbegynder proces vedr. udarbejdelse af handleplaner til rådets "
        "næste møde.",
        due_date=datetime.date(2023, 6, 20),
        due_label="rådets næste møde, 20. juni 2023",
    )

    # 6
    education = _item(
        meeting,
        6,
        "Høring: Uddannelsesstrategi 2023-2026",
        recommendation=_p(
            "Aalborg Kommunes Uddannelsesråd fremsender til Integrationsrådets drøftelse, "
            "høringsudkast til Aalborg Kommunes Uddannelsesstrategi 2023-2026.",
            "Vedlagt materiale:",
        )
        + "<ul><li>Følgebrev</li><li>Høringsudkast til Aalborg Kommunes Uddannelsesstrategi "
        "2023-2026</li></ul>",
        outcome=Outcome.DISCUSSED,
        decision=_p(
            "Integrationsrådet ønsker at kvittere for et godt udspil til en ny "
            "uddannelsesstrategi for Aalborg Kommune, hvor rådet særligt ønsker at fremhæve, "
            "at det er positivt, at Uddannelsesstrategien sætter fokus på gode overgange "
            "mellem uddannelse og beskæftigelse, samt mental sundhed blandt de unge.",
            "Integrationsrådet mener endvidere, at der er en god sammenhæng mellem "
            "høringsudkast til Uddannelsesstrategien 2023-2026 og Integrationsstrategien "
            "2023-2026.",
            "Integrationsrådet efterlyser, at der ift. pejlemærke 3: ”Gode overgange mellem "
            "uddannelse og beskæftigelse” også sættes fokus på fastholdelse og gode overgange "
            "mellem uddannelse og beskæftigelse for internationale studerende. Der findes "
            "mange eksempler på, at internationale studerende fraflytter Aalborg Kommune "
            "efter endt uddannelse, idet de internationale borgere har svært ved at komme ind "
            "på det lokale arbejdsmarked i Aalborg Kommune.",
        ),
    )
    _attachment(education, 1, "Følgebrev")
    _attachment(education, 2, "Høringsudkast til Aalborg Kommunes Uddannelsesstrategi 2023-2026")

    # 7
    _item(
        meeting,
        7,
        "Mangfoldighedsaften 2023",
        recommendation=_p(
            "Job og Velfærd indstiller, at Integrationsrådet drøfter afvikling af "
            "Mangfoldighedsaften 2023."
        ),
        outcome=Outcome.FOR_INFORMATION,
        decision=_p(
            "Integrationsrådets formand, Anna Lynge, gav en orientering vedr. planlægning af "
            "Mangfoldighedsaften 2023, der afvikles d. 7. september 2023 i Aalborg Zoo."
        ),
    )

    # 8
    safe = _item(
        meeting,
        8,
        "Tryg Aalborg – 4. årsstatus",
        recommendation=_p(
            "Job og Velfærd fremsender til Integrationsrådets orientering,",
            "At følgende udgør 4. årsstatus for ”Tryg Aalborg – en mere tryg kommune” version 2",
            "At videreføre samarbejdet i strategien ”Tryg Aalborg – en mere tryg kommune” "
            "version 3 for perioden 2022 – 2025",
            "Byrådet godkendte indstillingen den 20.06.2022.",
        ),
        outcome=Outcome.FOR_INFORMATION,
        decision=_p(
            "Centerchef for Center for Tværfaglig Forebyggelse, Denise Bakholm, gav en "
            "introduktion til 4. årsstatus vedr. Tryg Aalborg.",
            "Integrationsrådet tog orienteringen til efterretning.",
        ),
    )
    _guest(safe, people["bakholm"], "Centerchef for Center for Tværfaglig Forebyggelse")
    _attachment(safe, 1, "4. årsstatus for ”Tryg Aalborg – en mere tryg kommune”")

    # 9-11: standing titles (reconstructed).
    chair = _item(
        meeting,
        9,
        "Orientering fra formanden",
        outcome=Outcome.FOR_INFORMATION,
        decision=_p(
            "Anna Lynge orienterede om, at ansøgning om midlerne til Verdensfestivallen nu er "
            "imødekommet.",
            "Invitation til Verdensfestivallen er vedlagt til referatet. Derudover er der "
            'oprettet en Facebookbegivenhed (<a href="https://fb.me/e/yOmTjYDX">'
            "https://fb.me/e/yOmTjYDX</a>) som løbende opdateres med nye informationer. "
            "Integrationsrådets medlemmer bedes dele information om Verdensfestivallen i eget "
            "netværk.",
            "Anna Lynge orienterede endvidere om, at Det Grønlandske Hus har fået lovning på "
            'midler til gennemførelse af "Integrationsuddannelser" for grønlandske borgere. '
            "Formålet med integrationsuddannelsen er at give nytilkomne grønlandske borgere "
            "en bedre forståelse af det danske samfund.",
        ),
    )
    _attachment(chair, 1, "Invitation til Verdensfestivallen")
    _item(
        meeting,
        10,
        "Orientering fra forvaltningerne",
        outcome=Outcome.FOR_INFORMATION,
        decision=_p(
            "Børn og Unge orienterede om, at Børn og Unge har indsendt ansøgning til Erasmus "
            "Plus, hvor der er ansøgt om tilskud til rejser i Europa for 500 elever og "
            "medarbejdere. Dette er en ny rekord i Aalborg Kommune. Det er selve skolerne, "
            "som søger midler til rejseaktiviteter.",
            "Sundhed og Kultur orienterede om, at der forventes en snarlig godkendelse af den "
            "nye Sundhedspolitik,",
            "Job- og Integrationshuset orienterede om, at arbejdet vedr. Helhedsplaner, hvor "
            "beskæftigelse er et vigtigt område, nu udvides til også at omfatte Aalborg SØ.",
            "Rådmand Nuuradiin S. Hussein orienterede om, at Job og Velfærd har igangsat en "
            "proces for at sikre, at forvaltningens medarbejdersammensætning afspejler "
            "befolkningssammensætningen i Aalborg Kommune. Som led i denne proces er det "
            "besluttet at uddele en årlig Integrationspris, der anerkender de afdelinger i "
            "forvaltningen, som gør en ekstra indsats for at fremme mangfoldighed på "
            "arbejdspladsen.",
        ),
    )
    _item(meeting, 11, "Eventuelt", outcome=Outcome.NOTHING)

    # FICTITIOUS: a later meeting with one closed item, to show the closed path.
    fictional = _meeting(
        integration,
        _at(2023, 9, 19),
        Status.MINUTES_PUBLISHED,
        location="Fiktivt demomøde – har ikke fundet sted",
    )
    _item(fictional, 1, "Godkendelse af dagsorden (fiktivt demomøde)", outcome=Outcome.APPROVED)
    closed = _item(
        fictional,
        2,
        FICTIONAL_TITLE,
        is_closed=True,
        public_title="Lukket punkt: Økonomisk sag (fiktivt demopunkt)",
        public_decision=(
            "Rådet traf beslutning i sagen. Beslutningen offentliggøres ikke af hensyn til "
            "foreningens økonomiske forhold. (Fiktivt demopunkt.)"
        ),
        case_presentation=_p(
            FICTIONAL_CONFIDENTIAL,
            "Den fiktive forening har søgt om en underskudsgaranti på 40.000 kr.",
        ),
        recommendation=_p(
            f"{FICTIONAL_CONFIDENTIAL} Sekretariatet indstiller, at ansøgningen imødekommes."
        ),
        outcome=Outcome.APPROVED,
        decision=_p(f"{FICTIONAL_CONFIDENTIAL} Underskudsgarantien blev bevilget."),
    )
    _guest(closed, people["bakholm"], "FORTROLIG DEMODELTAGER")
    _attachment(closed, 1, "FORTROLIGT DEMOBILAG: foreningens regnskab", is_closed=True)
    _item(fictional, 3, "Eventuelt", outcome=Outcome.NOTHING)


# --- Norddjurs ----------------------------------------------------------------------------


def _norddjurs(councils):
    norddjurs = Municipality.objects.get(slug="norddjurs")
    dfi = councils["dialogforum-for-integration"]
    amu = councils["arbejdsmarkedsudvalget"]
    absent = [_person(norddjurs, name) for name in ("Nana Højlund", "Sascha Roth")]
    absent.append(_person(norddjurs, "Anna Nathalie Aissa"))
    for person in absent:
        _member(dfi, person)

    case, _ = Case.objects.update_or_create(
        municipality=norddjurs,
        number="22/740",
        defaults={"title": "Status på Integrationspolitikken 2021-2026"},
    )

    # The route starts in Arbejdsmarkedsudvalget (only its outcome is in the seed).
    amu_meeting = _meeting(amu, _at(2022, 9, 14, 8, 30), Status.MINUTES_PUBLISHED, location="")
    _item(
        amu_meeting,
        1,
        "Status på implementering af integrationspolitikken 2021 – 2026",
        case=case,
        case_presentation=_p(
            "Orientering om status på implementeringen af Integrationspolitik 2021-2026."
        ),
        outcome=Outcome.APPROVED,
    )

    meeting = _meeting(dfi, _at(2023, 3, 15), Status.MINUTES_PUBLISHED)
    item = _item(
        meeting,
        1,
        "Status på Integrationspolitikken 2021-2026",
        case=case,
        case_presentation=_p(
            "Arbejdsmarkedsudvalget godkendte den 14. september 2022 orientering om status på "
            "implementeringen af Integrationspolitik 2021-2026. I denne sag orienteres "
            "Dialogforum for Integration om status.",
            "Integrationspolitikken 2021-2026 udgør en fælles referenceramme og udpeger den "
            "retning, Norddjurs Kommune ønsker at bevæge sig i. Integrationspolitikken er "
            "vedlagt. Norddjurs Kommunes vision på integrationsområdet har fokus på følgende:",
            "Flygtninge og indvandrere får i respekt for deres særlige vilkår hurtigst muligt "
            "de bedst mulige betingelser for et velfungerende liv ved at Norddjurs Kommune "
            "understøtter og skaber rammer, så de bliver velintegrerede medborgere i "
            "lokalsamfundet og selvforsørgende deltagere på det danske arbejdsmarked.",
            "Integrationsindsatsen er forankret bredt i organisationen. Målene for "
            "integrationsindsatsen indgår i den årlige beskæftigelsesplan, hvor der opfølges "
            "på målene to gange årligt. Derudover er der udarbejdet en samlet status på "
            "implementeringen af politikken, som præsenteres i denne sag.",
            "Beslutning fra Arbejdsmarkedsudvalget, Integrationspolitik, Status på "
            "implementering af integrationspolitikken 2021 – 2026: Udvalgte data samt Plan "
            "for indsats mod radikaliserings er vedlagt.",
            "Dialogforum for Integration drøfter status.",
        ),
        recommendation=_p(
            "Formand for Dialogforum for Integration indstiller, at punktet godkendes."
        ),
        outcome=Outcome.APPROVED,
        decision=_p(
            "Det blev drøftet, om der kan sættes endnu højere målsætninger for "
            "Integrationspolitikken 2021-2026.",
            "Dialogforum for Integration bemærkede, at Integrationspolitikken med fordel kan "
            "tænkes ind, når nye politikker og planer udarbejdes i Norddjurs Kommune.",
            "Dialogforum for Integration anbefaler, at der udarbejdes en status på "
            "implementeringen af Integrationspolitik 2021-2026 til Børne- og "
            "Ungdomsudvalget for Integrationspolitikens indsatsområde, Børn og Familier som "
            "trives, punkt a) til f).",
        ),
    )
    for person in absent:
        Attendance.objects.update_or_create(
            meeting=meeting, person=person, defaults={"status": Attendance.Status.ABSENT}
        )
    attachments = [
        (
            1,
            "Dagsordenspunkt: Status på implementeringen af Integrationspolitikken",
            "32358/23",
            "3442848",
        ),
        (2, "Integrationspolitik 2021-2026", "32099/23", "3442544"),
        (
            3,
            "Status på implementering af Integrationspolitikken 2021 - 2026 Udvalgte data",
            "120043/22",
            "3352328",
        ),
        (
            4,
            "Plan for indsats mod radikaliserings i Norddjurs Kommune revideret 23.09.2021.pdf",
            "114251/22",
            "3345382",
        ),
    ]
    for number, title, journal, document in attachments:
        _attachment(item, number, title, journal_number=journal, document_number=document)


def load(stdout):
    councils = {}
    for slug, rows in COUNCILS.items():
        municipality = Municipality.objects.get(slug=slug)
        for name, kind, short_name in rows:
            council, _ = Council.objects.update_or_create(
                municipality=municipality,
                slug=danish_slugify(name),
                defaults={"name": name, "kind": kind, "short_name": short_name},
            )
            councils[council.slug] = council
    _aalborg(councils)
    _norddjurs(councils)
    stdout.write(
        "Råd og møder: Integrationsrådet 11.04.2023, Dialogforum for Integration 15.03.2023 "
        "(sag 22/740)"
    )


# --- lookups for other apps and tests -----------------------------------------------------


def strategy_draft_item():
    """Integrationsrådet, 11 April 2023, item 5: the strategy draft "approved with remarks"."""
    return AgendaItem.objects.get(
        meeting__council__municipality__slug="aalborg",
        meeting__council__slug="integrationsraadet",
        meeting__starts_at__date=datetime.date(2023, 4, 11),
        number=5,
    )


def case_22_740():
    return Case.objects.get(municipality__slug="norddjurs", number="22/740")


def fictional_closed_item():
    return AgendaItem.objects.get(title=FICTIONAL_TITLE)


def public_urls():
    """Public paths of the demo, for the browser (axe) checks."""
    integration = Council.objects.get(municipality__slug="aalborg", slug="integrationsraadet")
    dfi = Council.objects.get(municipality__slug="norddjurs", slug="dialogforum-for-integration")
    strategy = strategy_draft_item()
    seed_meeting = strategy.meeting
    closed = fictional_closed_item()
    dfi_meeting = dfi.meetings.get(starts_at__date=datetime.date(2023, 3, 15))
    return [
        reverse("councils:index", args=["aalborg"]),
        reverse("councils:index", args=["norddjurs"]),
        integration.get_absolute_url(),
        dfi.get_absolute_url(),
        seed_meeting.get_absolute_url(),
        seed_meeting.items.get(number=3).get_absolute_url(),
        seed_meeting.items.get(number=4).get_absolute_url(),
        strategy.get_absolute_url(),
        closed.meeting.get_absolute_url(),
        closed.get_absolute_url(),
        dfi_meeting.get_absolute_url(),
        dfi_meeting.items.get(number=1).get_absolute_url(),
        case_22_740().get_absolute_url(),
    ]
