"""Demo policies, verbatim from the seed documents in /work/shared/seeds.

- 004: Aalborg Kommunes integrationspolitik, 8. august 2005 (all sections, goals, principles
  and the ten indsatsområder).
- 003: Aalborg Kommunes Integrationspolitik 2012-2015, "Forskellighed er en styrke" (five
  focus areas, every headline goal and every bullet).
- 000 (+ 001, the minutes of 11 April 2023): Aalborg Kommunes Integrationsstrategi
  2023-2026 with its hearing draft and its approved version.
- 002: Norddjurs Kommunes Integrationspolitik 2021-2026 (its vision).

Texts are kept as the seeds spell them, source typos included ("opsplnitning",
"ersærligt"); paragraphs the seed breaks across a page boundary are joined.

Idempotent: policies are matched on their slug and every list in the tree on its position,
so running it again updates in place (the same ids, so version comparisons keep working).
"""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils.html import escape

from core.models import Department, Municipality
from councils.models import AgendaItem, Council
from policies.models import (
    Commitment,
    FocusArea,
    Goal,
    Policy,
    PolicyTransition,
    Principle,
    Section,
)
from policies.services import policy_freeze_version, policy_transition


def _p(*paragraphs):
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


# --- Aalborg 2005 (seed 004) -----------------------------------------------------------------

AALBORG_2005 = {
    "slug": "integrationspolitik-2005",
    "title": "Aalborg Kommunes integrationspolitik",
    "kind": Policy.Kind.POLICY,
    "period_start": 2005,
    "document_date": datetime.date(2005, 8, 8),
    "state": Policy.State.SUPERSEDED,
    "introduction": _p(
        "En visionær integrationsindsats vil også i de kommende år være en af forudsætningerne "
        "for at udvikle Aalborg som en god og attraktiv by.",
        "Grundlæggende har flygtninge og indvandrere de samme behov for kommunens ydelser som "
        "andre borgere i Aalborg Kommune. For det meste af den indsats, som de modtager, gælder "
        "derfor de samme mål og værdier som for byens øvrige borgere. Herudover har flygtninge "
        "og indvandrere, alt efter deres situation og baggrund, nogle særlige behov. For at "
        "synliggøre dette beskrives integrationsindsatsen i sammenhæng med Aalborg Kommunes "
        "øvrige indsatser i forhold til eksempelvis skole, arbejde, uddannelse og fritid.",
        "Integrationspolitikken er et udtryk for Aalborg Kommunes holdninger og værdier i "
        "indsatsen. Politikken synliggør indsatsen for borgerne og den er retningsgivende for "
        "de forskellige forvaltningers indsats, således at alle arbejder i den samme retning.",
        "Dette forslag til en ny politik er udarbejdet af en tværgående arbejdsgruppe med "
        "deltagelse af relevante forvaltninger og afdelinger i Aalborg Kommune.",
    ),
}

AALBORG_2005_TREE = {
    "sections": [
        {
            "heading": "Udfordringen på integrationsområdet",
            "body": _p(
                "Aalborg adskiller sig fra andre storbyer i Danmark ved, at der ikke i 60'erne "
                "og 70'erne var mangel på arbejdskraft, og at der derfor ikke var en indvandring "
                "af gæstearbejdere. Integrationsindsatsen retter sig derfor mest mod gruppen af "
                "flygtninge, familiesammenførte og deres efterkommere.",
                "Gruppen af flygtninge og indvandrere er mennesker med meget forskellige "
                "baggrunde. Det er ikke en ensartet gruppe. Nogle er for nylig kommet til "
                "landet, og andre har været her i mange år. Nogle vil hurtigt blive en aktiv del "
                "af det danske samfund, andre vil have behov for tid og specielt målrettede "
                "tilbud for at komme videre. Mange er faldet godt til og lever som en aktiv del "
                "af lokalsamfundet. De bidrager til at øge mangfoldigheden og til at gøre "
                "Aalborg Kommune til et mere spændende sted at bo.",
                "Der er dog desværre stadig et stort antal, der står uden for arbejdsmarkedet. "
                "Således er der forholdsvis mange borgere med anden etnisk baggrund end dansk, "
                "der er modtagere af overførselsindkomst. Det er et problem både for den enkelte "
                "og for kommunen som helhed. Aalborg Kommune ønsker ikke en opsplnitning af "
                "borgerne i byen, hvor der er en stor gruppe, der står uden for "
                "arbejdsmarkedet.",
                "I Aalborg Kommune er der en del flygtninge, der har en kulturel, "
                "uddannelsesmæssig eller erhvervmæssig baggrund, som gør det svært at indgå på "
                "det danske arbejdsmarked. En meget stor del har ringe skolegang, ingen "
                "uddannelse og har ikke kendskab til det danske arbejdsmarked. Krig og tortur "
                "kan være med i bagagen som en ekstra belastning. Den kulturelle baggrund gør "
                "det naturligt for en del af kvinderne at forblive hjemmegående frem for at "
                "komme på arbejdsmarkedet og tage del i samfundslivet.",
                "Flygtninge, indvandrere og deres efterkommere oplever ofte, at de møder "
                "barrierer på arbejdsmarkedet og i uddannelsessystemet. Mange opgiver "
                "eksempelvis at tage en erhvervsuddannelse, fordi de har svært ved at få en "
                "praktikplads - alene på grund af deres baggrund. Andre oplever, at der lægges "
                "stor vægt på sproglige færdigheder, der måske slet ikke modsvarer "
                "jobindholdet, eller at de ikke kan få lejlighed til at bruge deres reelle "
                "kvalifikationer. Der er således fortsat behov for at få brudt disse "
                "barrierer.",
            ),
        },
        {
            "heading": "Overordnede mål på integrationsområdet",
            "body": _p(
                "Det overordnede mål for integrationsindsatsen i Aalborg Kommune er, at alle med "
                "anden etnisk baggrund end dansk deltager aktivt i og bidrager aktivt til "
                "samfundet.",
                "Målene på integrationsområdet er:",
            ),
            "list_kind": Section.ListKind.GOALS,
            "closing": _p(
                "Integrationspolitikken i Aalborg Kommune, hviler på det grundlag, at "
                "rettigheder og pligter følges ad. Integrationsindsatsen bygger på "
                "vekselvirkningen mellem på den ene side det offentliges krav til og omsorg for "
                "den enkelte, og på den anden side den enkeltes ret og pligt til deltagelse. "
                "Aalborg Kommune respekterer, at den enkelte borger indretter sit liv i "
                "overensstemmelse med egne sociale, kulturelle og religiøse værdier og normer. "
                "Diskrimination på grund af race, etnisk baggrund, religion med videre er "
                "uacceptabel i et moderne samfund.",
                "Aalborg Kommune forventer, at den enkelte indgår i et konstruktivt samarbejde, "
                "og sætter sig ind i de normer og værdier, der præger det danske arbejdsmarked "
                "og det danske samfundssystem.",
                "En vellykket integration er et fælles anliggende. Den kræver således vilje og "
                "forståelse fra såvel flygtninge og indvandrere som fra danskere, i forhold til "
                "at alle skal bidrage til at integrationen lykkes. Det er vigtigt, at flygtninge "
                "og indvandrere ikke møder lukkede døre i det danske samfund. Der er fortsat "
                "behov for at gøre samfundet mere rummeligt i forhold til flygtninge og "
                "indvandreres muligheder på arbejdsmarkedet, i uddannelsessystemet og i "
                "fritidslivet.",
                "Aalborg Kommune vægter det kompetente møde mellem kommunens medarbejdere og "
                "borgere - præget af en ligeværdig dialog og af gensidig respekt. Medarbejderne "
                "skal sikre, at personer med anden etnisk baggrund har en reel mulighed for at "
                "få eller afgive relevant information. Det kan for eksempel ske gennem brug af "
                "tolk eller gennem skriftlige oversættelser.",
                "Integrationsindsatsen dækker forskellige dele af den enkeltes liv og rækker "
                "indover flere lovområder og forvaltninger. Derfor skal samarbejdet på tværs af "
                "kommunens enheder, med omegnskommuner, med private og offentlige "
                "organisationer, med virksomheder og med privatpersoner, være præget af klarhed "
                "og sammenhæng.",
            ),
        },
        {
            "heading": "Grundprincipper for integrationsindsatsen",
            "body": _p(
                "Gruppen af flygtninge og indvandrere består af personer med meget forskellige "
                "baggrunde og aldre.",
                "Aalborg Kommunes Integrationsindsats er derfor en omfattende vifte af "
                "forskellige indsatser og tilbud i forhold til den enkelte.",
                "Grundprincipperne for Aalborg Kommunes indsats er:",
            ),
            "list_kind": Section.ListKind.PRINCIPLES,
            "closing": _p(
                "For at sikre dette prioriteres samarbejde og udveksling af informationer på "
                "tværs af kommunens forskellige forvaltninger og enheder meget højt. Blandt "
                "andet er der, som led i at sikre en helhedsorienteret indsats, udarbejdet et "
                "internt fælles katalog over samtlige integrationstiltag i Aalborg Kommune.",
                "Siden 1999 har Aalborg Kommune haft et Integrationsråd. Aalborg Kommune lægger "
                "vægt på, at indsatsen skal ske i et tæt samarbejde med flygtningene og "
                "indvandrerne. Samarbejdet omkring Integrationsrådet skal fortsat udvikles i de "
                "kommende år.",
            ),
        },
    ],
    "goals": [
        {
            "title": "at den enkelte bliver i stand til at forsørge sig selv og sin familie "
            "gennem uddannelse og arbejde."
        },
        {
            "title": "at den enkelte får en reel og lige mulighed for at opnå arbejde og "
            "uddannelse og i det hele taget at indgå i samfundslivet som ligeværdig borger."
        },
        {
            "title": "at børn, unge, voksne og ældre med anden etnisk baggrund end dansk får "
            "mulighed for at udvikle sig ud fra netop deres personlige og kulturelle "
            "forudsætninger – herunder at de lærer at tale og forstå dansk."
        },
        {
            "title": "at den enkelte selv skal være aktiv, indgå i et konstruktivt samarbejde, "
            "kende samfundets indretning og respektere gældende værdier og normer."
        },
        {
            "title": "At flygtninge og indvandrere oplever, at integrationsindsatsen er præget af "
            "sammenhæng og klarhed."
        },
    ],
    "principles": [
        "at tage udgangspunkt i det enkelte individs samlede ressourcer, og når det er "
        "relevant, at inddrage familie eller anden form for netværk.",
        "at rettigheder og pligter følges ad. Hjælp til integration forudsætter derfor en aktiv "
        "indsats fra den enkelte flygtning eller indvandrer.",
        "at være forebyggende, det vil sige at indsatser iværksættes tidligst muligt og har "
        "langsigtede mål.",
        "at både borgere og medarbejdere oplever, at indsatsen er klar og sammenhængende.",
    ],
    "focus_areas": [
        {
            "title": "Børn og familie",
            "description": _p(
                "Aalborg Kommunes indsats i forhold til børn, uanset etnisk baggrund, hviler på "
                "nogle fælles værdier.",
                "Alle børn er, med netop deres baggrund, evner og anlæg noget særligt. Alle har "
                "en mulighed for at udvikle sig til selvstændige og livsduelige mennesker.",
                "For børn med anden etnisk baggrund betyder det, at der tages udgangspunkt i "
                "deres særlige sproglige, kulturelle og familiemæssige forudsætninger, og at de "
                "herudfra bliver i stand til at indgå i det sociale fællesskab i danske "
                "institutioner og i samfundet.",
                "Al indsats i forhold til børn og unge i Aalborg Kommune bygger på dialog og "
                "samarbejde med forældrene. I forhold til forældre med anden etnisk baggrund "
                "betyder dette, at kommunen tilpasser indsatsen til den enkelte families "
                "forudsætninger og baggrund. Samtidig opnår forældrene forudsætninger for at "
                "kunne forholde sig til deres børns liv i en anden kultur.",
                "Tosprogede børns forældre kan udtrykke usikkerhed og afmægtighed i forhold til "
                "opdragerrollen. De mangler ofte et netværk, hvor de kan udveksle erfaringer om "
                "deres rolle som opdrager i Danmark. Derfor får personalet i for eksempel "
                "børnehaver og skoler en særlig rolle i at understøtte og supplere forældrenes "
                "opdragelse med afsæt i dansk institutionskultur. Målet er, at barnet eller den "
                "unge bliver i stand til at balancere mellem forskellige krav, værdier og normer "
                "i det danske samfund, i familien og blandt jævnaldrende.",
                "Nogle børn med anden etnisk baggrund har behov for en særlig indsats for at "
                "kunne lære, udvikle sig og fungere socialt. Det er et overordnet princip, at "
                "denne indsats iværksættes så tidligt som muligt med henblik på forebyggelse, og "
                "at særlige indsatser så vidt muligt gives indenfor de ordinære tilbud i en "
                "hverdag sammen med andre danske kammerater.",
                "I forhold til det forebyggende arbejde for udsatte grupper af børn og unge med "
                "anden etnisk baggrund er det vigtigt at have særlig fokus på de specielle "
                "kulturelle og sociale problemer, som disse kan have, og iværksætte særligt "
                "målrettede indsatser for disse grupper.",
            ),
        },
        {
            "title": "Førskolebørn",
            "description": _p(
                "Aalborg Kommune har som mål, at børn med anden etnisk baggrund får lige "
                "muligheder for at udvikle deres sprog, viden, sociale og motoriske færdigheder. "
                "Indsatsen tager derfor udgangspunkt i det enkelte barns baggrund, "
                "forudsætninger og behov.",
                "Integrationsindsatsen har derudover som mål, at børnene inden skolestart "
                "udvikler dansk sprog og evnen til at fungere i en dansk kulturel sammenhæng.",
                "Aalborg Kommune tilskynder forældre til at få deres børn i dagtilbud med "
                "henblik på at støtte både børn og voksnes integration.",
            ),
        },
        {
            "title": "Skole",
            "description": _p(
                "Aalborg Kommune har som mål, at alle børn får optimale muligheder for at "
                "udvikle sig til aktive og selvstændige mennesker. En rummelig skole der "
                "respekterer ethvert barns ret til at blive mødt, der hvor det er, at være den "
                "det er, og at lære og udvikles dertil hvor det kan. En skole der ideelt set "
                "rummer alle distriktets børn.",
                "Grundprincippet i integrationsindsatsen er den tokulturelle model, der bygger "
                "på samspillet mellem modersmålet og dansk, og målet er, at tosprogede elever:",
            ),
            "goals": [
                {
                    "title": "oplever ligeværd og udvikler selvværd, så de opnår tillid til egne "
                    "muligheder og lyst til at deltage og lære."
                },
                {
                    "title": "oplever samvær og samhørighed, så de udvikler personlig og "
                    "kulturel identitet."
                },
                {
                    "title": "udvikler dansksproglig kompetence, så de kan indgå ligeværdigt i "
                    "uddannelse og samfund."
                },
                {
                    "title": "får fagligt udbytte af undervisningen, så de sikres lige "
                    "muligheder for at indgå i uddannelse og erhverv."
                },
                {
                    "title": "opnår sociale og kulturelle kompetencer, så de kan indgå "
                    "ligeværdigt i og bidrage aktivt til fællesskabet."
                },
            ],
            "closing": _p(
                "Aalborg Kommune tilskynder forældrene til at få deres børn i DUS-tilbud.",
                "Samarbejdet mellem skole og hjem er et bærende princip i folkeskolen. Aalborg "
                "Kommune forventer således, at forældrene deltager aktivt i samarbejdet med "
                "skolen.",
                "I forhold til flygtninge- og indvandrerforældre tilbydes derfor et udvidet "
                "skole-hjem-samarbejde med inddragelse af tosprogede medarbejdere, hvor dette er "
                "muligt. Samarbejdet bygger på åbenhed og gensidig respekt gennem ligeværdig "
                "dialog om begge parter opgaver, roller, krav og forventninger. Herigennem "
                "efterleves skolens mål, og den enkelte families behov imødekommes så vidt "
                "muligt, blandt andet ved at finde praktiske løsninger indenfor skolens rammer "
                "og lovgivning.",
            ),
        },
        {
            "title": "Unge og uddannelse",
            "description": _p(
                "Målsætningen i Aalborg Kommune i forhold til unge og uddannelse er:",
            ),
            "goals": [
                {"title": "at flest mulige unge med anden etnisk baggrund får en uddannelse."},
                {
                    "title": "at unge med anden etnisk baggrund end dansk, som har behov for "
                    "særlige tilbud, får disse i de ordinære rammer, så dagligdagen tilbringes i "
                    "uddannelsesmiljøer sammen med andre unge."
                },
            ],
            "closing": _p(
                "Aalborg Kommunes integrationsindsats i forhold til unge med anden etnisk "
                "baggrund er forebyggende og har langsigtede mål.",
                "Unge med anden etnisk baggrund er lige som øvrige unge en meget forskelligartet "
                "gruppe, men deres situation er oftest kendetegnet ved, at de balancerer mellem "
                "forskellige krav og normer i det danske samfund, i familien og blandt "
                "jævnaldrende. Integrationsarbejdet skal derfor i særlig grad støtte den enkelte "
                "unge i dennes erhvervs- og uddannelsesvalg. Det skal ske gennem samarbejde med "
                "den enkelte unge og dennes familie og sikre, at såvel den unge som familien "
                "opnår viden i forhold vedrørende uddannelse, beskæftigelse og fritid.",
                "Aalborg Kommune ønsker at sikre de unge optimale muligheder for en vellykket "
                "overgang fra grundskole til ordinære uddannelsesforløb. Derfor samarbejdes der "
                "med relevante uddannelsesinstitutioner blandt andet ved at etablere særlige "
                "indsatser i sammenhæng med de ordinære tilbud.",
            ),
        },
        {
            "title": "Voksne",
            "description": _p(
                "Indsatsen for voksengruppen er en helhedsorienteret indsats, der omfatter "
                "opkvalificering af både faglige, sproglige, kulturelle og sociale kompetencer. "
                "Indsatsen tager udgangspunkt i kravene på det danske arbejds-marked, og målet "
                "er at sikre et godt hverdagsliv med familie, skole, uddannelse og arbejde.",
            ),
        },
        {
            "title": "Arbejdsmarked",
            "description": _p(
                "Målet for arbejdsmarkedspolitikken i Aalborg Kommune er, at flest mulige "
                "borgere deltager aktivt på arbejdsmarkedet.",
                "Aalborg Kommune forventer, at den enkelte aktivt arbejder hen imod at blive "
                "selvforsørgende i form af arbejde eller uddannelse. Det er vigtigt, at den "
                "hjælp, som kommunen yder, giver den kortest mulige vej til selvforsørgelse.",
                "I forhold til flygtninge og indvandrere er det derfor vigtigt, at indsatsen "
                "tilrettelægges, så flest muligt hurtigt kommer i kontakt med det danske "
                "arbejdsmarked.",
                "Der er imidlertid flygtninge og indvandrere, der mangler grundlæggende viden og "
                "kvalifikationer for at kunne begå sig på arbejdsmarkedet. Aalborg Kommune "
                "forventer, at disse aktivt via uddannelse, information, projekt- og "
                "praktikforløb arbejder på at forbedre deres muligheder for at komme i job. Der "
                "er dog personer, for hvem det ikke umiddelbart er realistisk med deltagelse på "
                "arbejdsmarkedet. For disse er det langsigtede mål fortsat at få en tilknytning "
                "til arbejdsmarkedet, evt. i få timer eller i job på særlige vilkår. På kort "
                "sigt skal indsatsen rettes bredt mod samfundsforhold og specielt mod at sikre "
                "børnenes og familiens integration.",
                "At kunne tale og forstå dansk er en af forudsætningerne for at kunne falde til "
                "i det danske samfund og for at kunne få et arbejde og dermed blive "
                "selvforsørgende. Værdien af at indgå på en dansk arbejdsplads må i den "
                "forbindelse ikke undervurderes. Der er dog fortsat mange voksne flygtninge og "
                "indvandrere, der har behov for danskuddannelse. Det er vigtigt, at denne "
                "undervisning er målrettet arbejdsmarkedet.",
                "En forudsætning for at flygtninge og indvandrere får fodfæste på "
                "arbejdsmarkedet er også, at der bliver arbejdet for at skabe forståelse for dem "
                "på de danske arbejdspladser. På trods af stor velvilje, er det stadig få "
                "virksomheder, der har taget aktivt stilling til integrationen af medarbejdere "
                "med anden etnisk baggrund. Det er derfor vigtigt, at Aalborg Kommunes "
                "medarbejdere i samarbejde med arbejdsmarkedets parter arbejder opsøgende i "
                "forhold til virksomhederne for gennem information og direkte formidling af "
                "ledige at fjerne barriererne på arbejdsmarkedet til fælles gavn for såvel "
                "virksomheder som ansatte.",
                "Gruppen af kvinder er underrepræsenteret på arbejdsmarkedet. Kvinderne bør "
                "tilskyndes til at tage uddannelse og derigennem bidrage til familiens "
                "forsørgelse. Derfor ydes der en særlig indsats i forhold til den gruppe af "
                "uuddannede kvinder, der set over en længere periode ikke har haft kontakt med "
                "arbejdsmarkedet. Indsatsen skal tage udgangspunkt i barrierer i forhold til "
                "børn, familie og samfund, der hindrer kvinderne i at deltage på "
                "arbejdsmarkedet. Aalborg Kommune har pasningsgaranti, og selv om der er børn i "
                "familien, er målet, at kvinderne lærer dansk og aktivt arbejder på at komme i "
                "job.",
            ),
        },
        {
            "title": "Bosætning og bolig",
            "description": _p(
                "Nyankomne flygtninge tilbydes hjælp i forbindelse med boligsøgning og med "
                "livet i den nye bolig.",
                "I sammenligning med andre større byer i Danmark er Aalborg ikke præget af de "
                'store sociale problemer, der følger med "ghetto-dannelse" i bestemte kvarterer. '
                "Aalborg Kommune har igennem årene arbejdet aktivt for at sikre en "
                "bosættelsesmæssig spredning af flygtninge og indvandrere i kommunens "
                "lokalområder. Aalborg Kommune ønsker at fortsætte dette arbejde fremover.",
                "Det gode samarbejde med kommunens boligforeninger omkring boligplaceringen og "
                "integrationsaktiviteter i nærmiljøet prioriteres således fortsat højt.",
            ),
        },
        {
            "title": "Fritidsliv",
            "description": _p(
                "Forenings- og fritidslivet er en meget vigtig del af det danske samfund. Her "
                "mødes mennesker med forskellig baggrund omkring en fælles interesse. "
                "Udgangspunktet i foreningslivet er interessefællesskabet og ikke sociale og "
                "kulturelle forskelligheder.",
                "Mange flygtninge og indvandrere kommer fra samfund, der ikke har de samme "
                "traditioner for et organiseret og formaliseret foreningsliv som i Danmark. "
                "Aktiv deltagelse i Aalborg Kommunes mangfoldige foreningsliv er for mange med "
                "anden etnisk baggrund en god platform for at blive integreret socialt i "
                "lokalsamfundet.",
                "Grundlæggende har den enkelte medborger ansvaret for egen sundhed. Fysisk "
                "aktivitet er en vigtig del i bestræbelserne på at styrke borgernes trivsel og "
                "sundhed. Medborgere med anden etnisk baggrund bør opnå en viden, som giver dem "
                "en forståelse for vigtigheden i at dyrke fysisk aktivitet. Støtte og vejledning "
                "til aktiv deltagelse i foreningslivet og fysisk aktivitet kan bidrage til en "
                "øget livskvalitet for personer med anden etnisk baggrund.",
                "Aalborg Kommune forventer, at forældre med anden etnisk baggrund støtter og "
                "tilskynder deres børn til at få en aktiv og positiv fritid. I den forbindelse "
                "er det vigtigt, at kommunen er opsøgende i samarbejdet med forældrene på dette "
                "område.",
                "Kulturmødet i foreningslivet bør være præget af fokus på aktiviteten og "
                "interessefællesskabet. Aalborg Kommune støtter og vejleder foreningslivet "
                "omkring kulturmødet i klubben.",
                "Aalborg Kommunes fritidscentre er et tilbud til de 10-18-årige. Ved "
                "tilrettelæggelse af hverdag og aktiviteter er det vigtigt, at også børn og unge "
                "med anden etnisk baggrund og med behov for en generel forebyggende indsats "
                "finder det attraktivt at benytte centrene. Centrene skal samtidig tilbyde en "
                "særlig indsats til børn og unge med behov for en specifik forebyggende "
                "indsats.",
                "Aalborg Kommune tilskynder forældre til at få deres børn i dagtilbud med "
                "henblik på at støtte både børn og voksnes integration.",
            ),
        },
        {
            "title": "Ældre og yngre med handicap",
            "description": _p(
                "Målet for Aalborg Kommune er, i et samspil mellem brugeren og medarbejderen, at "
                "skabe rammerne for et godt liv både for yngre med handicap og for ældre.",
                "Et godt liv tager udgangspunkt i den enkeltes baggrund, livsform og "
                "udviklingsmuligheder. Alle medarbejdere skal i samarbejde medvirke til at nå "
                "målet. Det gøres bedst ved at vise nærvær, omsorg og respekt for brugeren og "
                "være ansvarlig i udøvelsen af opgaverne.",
            )
            + "<h4>Særlig indsats for brugere med anden etnisk baggrund</h4>"
            + _p(
                "Det kan være svært at være ældre - ikke mindst hvis den ældre samtidig har en "
                "anden etnisk baggrund. De ældre med anden etnisk baggrund har været vant til, "
                "at deres børn og børnebørn har været en stor del af deres sociale liv, og at de "
                "har været behjælpelige med de praktiske gøremål. Når familiemønstret ændres til "
                "danske forhold og normer, hvor børn og børnebørn kommer på arbejdsmarkedet og "
                "integreres i det danske samfund, bliver der mindre tid til at være en del af "
                "den ældres sociale liv og hjælpe til med praktiske opgaver. Det kan medføre "
                "ensomhed og isolation hos de ældre, hvilket forstærkes af, at de ældre ofte har "
                "meget svært ved at lære sproget.",
                "For at imødegå ensomhed og isolation og for at give indhold i hverdagen og "
                "skabe et socialt netværk i forhold til den enkelte, skal der være særlig fokus "
                "på aktivitetstilbudene i lokalområdet.",
                "Aalborg Kommunes aktivitetscentre tilbyder aktiviteter, som har et forebyggende "
                "og aktiverende sigte. Aktiviteterne tilrettelægges sammen med den ældre ud fra "
                "den enkeltes ressourcer. Aktivitetscentrene er for efterlønsmodtagere og "
                "pensionister.",
                "Aalborg Kommune vil sikre, at de ældre med anden etnisk baggrund får kendskab "
                "til kommunens samlede tilbud og serviceniveau inden for ældreområdet. Hermed "
                "får de ældre mulighed for at efterspørge de ydelser, de har behov for. Brugere "
                "med anden etnisk baggrund, der har specielle handicap, eksempelvis er "
                "udviklingshæmmede, sindslidende eller fysisk handicappede, har ofte en "
                "kompliceret hverdag, der kræver en særlig indsats fysisk, psykisk og socialt.",
                "Det medfører, at indsatsen skal styrkes med specialiserede tilbud omkring "
                "særlig støtte, bo- og dagtilbud samt beskæftigelsestilbud, hvilket kræver en "
                "særlig viden hos medarbejderne.",
            ),
        },
        {
            "title": "Aalborg Kommune som arbejdsgiver",
            "description": _p(
                "Aalborg Kommune skal som arbejdsgiver gå foran for mere rummelighed på "
                "arbejdsmarkedet.",
                "Aalborg Kommunes fælles personalepolitik bygger på princippet om, at "
                "rummelighed handler om at vise respekt for forskellighed, uanset køn, alder, "
                "etnisk baggrund eller for eksempel handicap.",
                "Et af målene er, at andelen af ansatte med anden etnisk baggrund skal svare til "
                "andelen af borgere i Aalborg kommune med anden etnisk baggrund.",
                "Kommunale medarbejdere skal aktivt forholde sig til værdigrundlag, ny viden, nye "
                "arbejdsformer og metoder i integrationsarbejdet. Medarbejdernes faglige og "
                "personlige udvikling tilgodeses gennem en tilsvarende personalepolitik – "
                "herunder efter- og videreuddannelse. Fælles uddannelsesforløb på tværs af "
                "forvaltninger og enheder ses som et vigtigt redskab til at sikre helhed i "
                "integrationsindsatsen.",
            ),
        },
    ],
}


# --- Aalborg 2012-2015 (seed 003) ------------------------------------------------------------

AALBORG_2012 = {
    "slug": "integrationspolitik-2012-2015",
    "title": "Aalborg Kommunes Integrationspolitik 2012-2015",
    "subtitle": "Forskellighed er en styrke",
    "kind": Policy.Kind.POLICY,
    "period_start": 2012,
    "period_end": 2015,
    "state": Policy.State.SUPERSEDED,
    "introduction": _p(
        "Dette er en kort introduktion til Aalborg Kommunes Integrationspolitik 2012-2015.",
        "Integrationspolitikken er udarbejdet af Aalborg Kommunes Integrationsråd, og er "
        "vedtaget af Aalborg Byråd.",
    ),
}


def _g(title, *commitments):
    return {"title": title, "commitments": list(commitments)}


AALBORG_2012_TREE = {
    "sections": [
        {
            "heading": "Forskellighed er en styrke",
            "body": _p(
                "Aalborg Kommune skal være et åbent og inkluderende samfund, hvor alle borgere "
                "har mulighed for at bidrage til fællesskabet og udøve et aktivt medborgerskab. "
                "Og et samfund hvor der er rum og respekt for, at vi har forskellige "
                "familiemønstre, traditioner og overbevisninger."
            ),
        },
        {
            "heading": "Integration er et fælles ansvar",
            "body": _p(
                "Aalborg Kommune har et særligt ansvar for at skabe gode rammer og muligheder "
                "for, at den enkelte kan udøve et aktivt medborgerskab. Men der er også meget, vi "
                "selv kan gøre som borgere i Aalborg Kommune. Ligesom der er mange opgaver som "
                "foreninger, virksomheder, uddannelsesinstitutioner osv. kan tage fat på.",
                "Integrationspolitikken sætter derfor ikke bare mål for Aalborg Kommunes indsats "
                "– den beskriver også, hvad vi hver især kan bidrage med.",
                "Vi har alle et ansvar for et samfund, hvor der er plads til forskellighed, og "
                "som vi udvikler i fællesskab!",
            ),
        },
    ],
    "focus_areas": [
        {
            "title": "En god start på livet for alle børn og deres familier",
            "goals": [
                _g(
                    "Viden giver mulighed for at træffe gode og sunde valg",
                    "Det er derfor vigtigt, at forældre har adgang til viden og information om "
                    "deres børns sundhed, trivsel og udvikling, som tager udgangspunkt i deres "
                    "sproglige forudsætninger og kulturelle baggrund.",
                    "Information om de kommunale tilbuds formål og indhold skal formidles "
                    "målrettet til forældre med flerkulturel baggrund.",
                ),
                _g(
                    "Børn, som udvikler deres modersmål, bliver dygtigere til dansk",
                    "Det forudsætter, at børn støttes i at udvikle deres modersmål – både hjemme "
                    "og i dagtilbud.",
                    "Fagpersoner, som møder familierne, skal have fokus på og viden om "
                    "vigtigheden af tidlig sprogstimulering.",
                ),
                _g(
                    "Accept og anerkendelse af børns flerkulturelle baggrund i dagtilbud",
                    "Dagtilbud, med fokus på inklusion, inddrager aktivt børns forskellige "
                    "baggrunde som en ressource for det enkelte barn og for hele børnegruppen.",
                    "Det er vigtigt, at personalet i dagtilbud har viden om og opmærksomhed på "
                    "de udfordringer, det kan give børn at vokse op med to eller flere sprog, "
                    "kulturer, traditioner mv.",
                ),
                _g(
                    "Samarbejde og gode overgange",
                    "En god og tryg opstart i dagpleje, vuggestue eller børnehave kræver "
                    "gensidig tillid og en stor indsats fra forældre, sundhedsplejen og det "
                    "pædagogiske personale i dagtilbuddene.",
                    "Aalborg Kommune har ansvar for, at der skabes gode rammer for dialog og "
                    "samarbejde.",
                ),
            ],
        },
        {
            "title": "Børn og unge – skole og fritid",
            "goals": [
                _g(
                    "Elever, der har dansk som andetsprog, skal have lige så gode muligheder for "
                    "at opnå gode resultater i skolen som andre elever",
                    "Elever skal støttes i at udvikle deres samlede sproglige kompetencer.",
                    "Det skal sikres, at lærere og pædagoger har den nødvendige viden om dansk "
                    "som andetsprog.",
                ),
                _g(
                    "Alle elever skal opleve, at de har mulighed for at bidrage til "
                    "fællesskabet i skolen",
                    "Folkeskolen skal tage udgangspunkt i elevernes mangfoldige ressourcer.",
                    "Alle elever og forældre skal have mulighed for at deltage i dialog om "
                    "skolens udvikling for eksempel i elevråd, forældreråd og skolebestyrelse.",
                ),
                _g(
                    "De kommunale fritidstilbud er tilbud til alle børn og unge",
                    "Flere børn og unge med flerkulturel baggrund skal motiveres til at benytte "
                    "fritidscentre og ungdomsklubber, som er vigtige pædagogiske tilbud til alle "
                    "børn.",
                    "Fritidstilbuddene skal videreudvikle deres aktiviteter, så de også er "
                    "interessante for børn og unge med flerkulturel baggrund.",
                ),
                _g(
                    "Flere unge gennemfører ungdomsuddannelse",
                    "Alle unge skal have støtte og vejledning til at fortsætte i et "
                    "uddannelsesforløb efter folkeskolen.",
                    "Interkulturel uddannelsesvejledning og rollemodelkorps kan være en god "
                    "hjælp for unge til at vælge uddannelsesforløb – og til at gennemføre "
                    "dette.",
                    "Der skal være fleksible tilbud til unge, som har brug for særlig støtte i "
                    "overgangen fra folkeskole til ungdomsuddannelse.",
                ),
            ],
        },
        {
            "title": "Unge og Voksne – uddannelse og beskæftigelse",
            "goals": [
                _g(
                    "Den enkeltes ressourcer bringes i spil",
                    "Uddannelsesvejledning skal videreudvikles for at styrke unges muligheder "
                    "for at gennemføre en erhvervs- eller videregående uddannelse.",
                    "Arbejdsgivere motiveres til at ansætte unge med flerkulturel baggrund i "
                    "praktikforløb mv.",
                ),
                _g(
                    "Fodfæste på arbejdsmarkedet",
                    "Nytilkomne skal forberedes endnu bedre til det danske arbejdsmarked for "
                    "eksempel ved at styrke undervisningen i danske samfundsforhold.",
                    "Barrierer for at ansætte og fastholde medarbejdere med flerkulturel "
                    "baggrund skal nedbrydes, bl.a. ved at styrke mentorordninger og "
                    "rollemodelkorps.",
                ),
                _g(
                    "Flerkulturelle kompetencer er vigtige",
                    "En mangfoldig medarbejdergruppe skaber udvikling og dynamik – indenfor alle "
                    "områder.",
                    "Der er i særlig grad behov for pædagoger, lærere, socialrådgivere, social og "
                    "sundhedspersonale mv., der har både faglige og kulturelle forudsætninger for "
                    "at møde mennesker med flerkulturel baggrund.",
                ),
                _g(
                    "Rekruttering",
                    "Aalborg Kommune vil arbejde målrettet for at opnå, at "
                    "medarbejdersammensætningen inden for alle faggrupper kommer til at afspejle "
                    "den aktuelle befolkningssammensætning.",
                ),
            ],
        },
        {
            "title": "Et aktivt og værdigt seniorliv",
            "goals": [
                _g(
                    "Indhold og mening i tilværelsen",
                    "Alle seniorer skal kunne opleve indhold og mening i tilværelsen. Det skal "
                    "sikres ved et varieret udbud af aktiviteter og gode muligheder for at møde "
                    "andre seniorer med samme baggrund eller interesser",
                ),
                _g(
                    "Velkommen på aktivitetscentrene",
                    "Aalborg Kommunes Aktivitetscentre har en vigtig opgave i at skabe kontakt "
                    "til seniorer med flerkulturel baggrund for at informere dem om deres "
                    "muligheder for at benytte aktivitetscentrene",
                ),
                _g(
                    "Adgang til information om tilbud og aktiviteter",
                    "Der skal udvikles en målrettet formidling af tilbud og muligheder for "
                    "aktiviteter til seniorer med flerkulturel baggrund, tilpasset de enkelte "
                    "gruppers sproglige forudsætninger og kulturelle baggrund.",
                ),
            ],
        },
        {
            "title": "Et sundt og aktivt liv – hele livet",
            "goals": [
                _g(
                    "Fritids- og kulturlivet er en vigtig platform for aktivt medborgerskab",
                    "Kendskabet til kultur- og foreningslivets muligheder udbredes blandt "
                    "borgere med flerkulturel baggrund ved hjælp af målrettet og opsøgende "
                    "formidling.",
                    "Sociale trænere og kulturelle brobyggere kan være med til at skabe "
                    "inklusion og mangfoldighed blandt frivillige, foreninger og "
                    "kulturinstitutioner.",
                    "Aalborg Kommune understøtter nye typer af foreninger og kulturaktiviteter, "
                    "som drives af borgere med flerkulturel baggrund og som fremmer deltagelse og "
                    "inklusion.",
                ),
                _g(
                    "Tilbud om sundhedsfremme og forebyggelse gøres mere tilgængelige",
                    "Alle borgere skal have adgang til relevant og forståelig viden om sundhed "
                    "og sygdom, for at kunne træffe gode og sunde valg for sig selv og sin "
                    "familie.",
                    "Forebyggende og sundhedsfremmende tilbud skal gøres mere tilgængelige for "
                    "borgere med flerkulturel baggrund, for eksempel i samarbejde med "
                    "tolkekorpset og med mindre vægt på skriftlig kommunikation.",
                    "Der skal udvikles forebyggende og sundhedsfremmende tilbud, som ersærligt "
                    "målrettet specifikke grupper med specifikke behov.",
                ),
            ],
        },
    ],
}


# --- Aalborg 2023-2026 (seed 000, decision in seed 001) ---------------------------------------

VISION_2023 = (
    "Forskellighed er en styrke, når alle tager medansvar for fællesskabet. Sammen kan vi mest."
)

AALBORG_2023 = {
    "slug": "integrationsstrategi-2023-2026",
    "title": "Aalborg Kommunes Integrationsstrategi 2023-2026",
    "kind": Policy.Kind.STRATEGY,
    "period_start": 2023,
    "period_end": 2026,
    "vision": VISION_2023,
    "introduction": _p(
        "Aalborg Kommunes Integrationsstrategi 2023-2026 er udarbejdet af Integrationsrådet.",
        "Integrationsstrategien formulerer en overordnet vision for Aalborg Kommunes "
        "integrationsindsats.",
    ),
}

GOALS_2023_ADOPTED = [
    "Flere unge med flerkulturel baggrund i Aalborg Kommune skal gennemføre en "
    "kompetencegivende uddannelse og opnå beskæftigelse",
    "Kulturdialog målrettet arbejdsmarkedet skal fremme antallet af kulturelt mangfoldige "
    "arbejdspladser, offentlige som private, i Aalborg Kommune",
    "Integration af borgere med flerkulturel baggrund skal styrkes via inkluderende "
    "nærmiljøer, de lokale foreninger og gode naboskaber.",
]

# RECONSTRUCTION, NOT FROM THE SEEDS. The minutes of 11 April 2023 (seed 001) say that the
# Integration Council "godkendte udkast til Integrationsstrategi 2023-2026 med enkelte
# ændringer", but no seed holds the hearing draft's wording. To show what a comparison of
# the hearing draft and the approved text looks like, the demo's hearing draft lacks two
# phrases of the approved goals: "offentlige som private," in goal 2 and "gode naboskaber"
# in goal 3. The approved wording (GOALS_2023_ADOPTED) is the seed's, verbatim.
GOALS_2023_HEARING_DRAFT = [
    GOALS_2023_ADOPTED[0],
    "Kulturdialog målrettet arbejdsmarkedet skal fremme antallet af kulturelt mangfoldige "
    "arbejdspladser i Aalborg Kommune",
    "Integration af borgere med flerkulturel baggrund skal styrkes via inkluderende "
    "nærmiljøer og de lokale foreninger.",
]


def _tree_2023(goal_texts):
    return {
        "sections": [
            {
                "heading": "Baggrund",
                "body": _p(
                    "Aalborg Kommunes nuværende Integrationspolitik er vedtaget for perioden "
                    "2012-2015 og er på mange måder ikke længere tidssvarende. Derfor anbefaler "
                    "Integrationsrådet, at der vedtages en ny Integrationsstrategi for Aalborg "
                    "Kommune for perioden 2023-2026. Integrationsrådet anbefaler vedtagelse af "
                    "en Integrationsstrategi frem for en Integrationspolitik, da rådet vurderer, "
                    "at en strategi i højere grad vil være handlingsorienteret og udstikke "
                    "retningslinjer for kommunens integrationsmæssige arbejde.",
                    "Job- og Velfærdsudvalget godkendte udarbejdelse af udkast til ny "
                    "Integrationsstrategi for Aalborg Kommune i møde den 7. oktober 2022.",
                ),
            },
            {
                "heading": "Målsætninger",
                "body": _p(
                    "Integrationsstrategien indeholder tre målsætninger for områder, hvor "
                    "Integrationsrådet finder, at der er behov for en særlig indsats med henblik "
                    "på at sikre, at alle borgere – uanset etnisk og kulturelt ophav – har "
                    "mulighed for at indgå i samfundet som aktive medborgere. De tre "
                    "målsætninger er:"
                ),
                "list_kind": Section.ListKind.GOALS,
                "closing": _p(
                    "Integrationsstrategien er kommunedækkende og gælder alle borgere og "
                    "virksomheder i Aalborg Kommune.",
                    "Integrationsstrategien er gældende for perioden 2023-2026. "
                    "Integrationsstrategien skal ses i sammenhæng med kommunes øvrige politikker "
                    "og strategier.",
                ),
            },
            {
                "heading": "Omsætning og opfølgning",
                "body": _p(
                    "Efter vedtagelse af Integrationsstrategien, igangsætter Integrationsrådet "
                    "arbejdet med at omsætte målsætningerne til konkrete handlinger og "
                    "indsatser. Dette vil Integrationsrådet gøre ved at udarbejde konkrete "
                    "handleplaner til omsætning af Integrationsstrategiens indsatsområder. "
                    "Integrationsrådet opfordrer til, at de relevante kommunale forvaltninger "
                    "deltager i udarbejdelse og implementering af handleplanerne.",
                    "Som vejledende og rådgivende råd til byrådet vil Integrationsrådet følge "
                    "implementeringen af strategiens målsætninger tæt. Integrationsrådet vil "
                    "efter endt strategiperiode evaluere på implementeringen af "
                    "integrationsstrategien via udvalgte evalueringsparametre.",
                ),
            },
        ],
        "goals": [
            {"number": str(number), "title": text}
            for number, text in enumerate(goal_texts, start=1)
        ],
    }


HEARING_NOTE_2023 = (
    "Høringsudkast til Aalborg Kommunes Integrationsstrategi 2023-2026 har været i høring i "
    "perioden fra 15. februar 2023 – 31. marts 2023. Høringsudkastet har været i direkte "
    "høring hos Børne- og Undervisningsudvalget, Senior- og Omsorgsudvalget, Sundheds- og "
    "Kulturudvalget, Mangfoldighedsudvalget, Det Lokale Beskæftigelsesråd, Uddannelsesrådet, "
    "Handicaprådet, Udsatterrådet, Seniorrådet og Folkeoplysningsudvalget, der alle har "
    "fremsendt høringssvar."
)
APPROVAL_NOTE_2023 = (
    "Godkendt med bemærkninger. Integrationsrådet godkendte udkast til Integrationsstrategi "
    "2023-2026 med enkelte ændringer."
)


# --- Norddjurs 2021-2026 (seed 002) -----------------------------------------------------------

NORDDJURS_2021 = {
    "slug": "integrationspolitik-2021-2026",
    "title": "Integrationspolitik 2021-2026",
    "kind": Policy.Kind.POLICY,
    "period_start": 2021,
    "period_end": 2026,
    "state": Policy.State.IN_FORCE,
    "vision": (
        "Flygtninge og indvandrere får i respekt for deres særlige vilkår hurtigst muligt de "
        "bedst mulige betingelser for et velfungerende liv ved at Norddjurs Kommune understøtter "
        "og skaber rammer, så de bliver velintegrerede medborgere i lokalsamfundet og "
        "selvforsørgende deltagere på det danske arbejdsmarked."
    ),
    "introduction": _p(
        "Integrationspolitikken 2021-2026 udgør en fælles referenceramme og udpeger den "
        "retning, Norddjurs Kommune ønsker at bevæge sig i."
    ),
}

NORDDJURS_2021_TREE = {
    "sections": [
        {
            "heading": "Opfølgning",
            "body": _p(
                "Integrationsindsatsen er forankret bredt i organisationen. Målene for "
                "integrationsindsatsen indgår i den årlige beskæftigelsesplan, hvor der opfølges "
                "på målene to gange årligt."
            ),
        }
    ],
    "focus_areas": [
        {
            "title": "Børn og Familier som trives",
            # The seed (the forum's decision of 15 March 2023) names this indsatsområde and
            # its goals "punkt a) til f)", but not their wording: the demo does not invent it.
            "description": _p(
                "Indsatsområdet har målsætningerne a) til f). Deres ordlyd indgår ikke i "
                "demodataens kilder og er derfor ikke gengivet her."
            ),
        }
    ],
}


# --- Loading ---------------------------------------------------------------------------------


def _sync_list(model, existing, rows, **parent):
    """Make ``existing`` (ordered) hold ``rows`` at positions 1..n, reusing rows in place."""
    existing = list(existing.order_by("position", "id"))
    kept = []
    for position, values in enumerate(rows, start=1):
        if position <= len(existing):
            obj = existing[position - 1]
            changed = obj.position != position or any(
                getattr(obj, k) != v for k, v in {**parent, **values}.items()
            )
            if changed:
                for key, value in {**parent, **values}.items():
                    setattr(obj, key, value)
                obj.position = position
                obj._change_reason = "Demodata"
                obj.save()
        else:
            obj = model(position=position, **parent, **values)
            obj._change_reason = "Demodata"
            obj.save()
        kept.append(obj)
    for obj in existing[len(rows) :]:
        obj.delete()
    return kept


def _sync_goals(policy, focus_area, goals):
    existing = Goal.objects.filter(policy=policy, focus_area=focus_area)
    rows = [
        {
            "number": g.get("number", ""),
            "title": g["title"],
            "description": g.get("description", ""),
        }
        for g in goals
    ]
    saved = _sync_list(Goal, existing, rows, policy=policy, focus_area=focus_area)
    for goal, data in zip(saved, goals, strict=True):
        _sync_list(
            Commitment,
            Commitment.objects.filter(goal=goal),
            [{"text": text} for text in data.get("commitments", [])],
            goal=goal,
        )


def sync_tree(policy, tree):
    """Give ``policy`` exactly the parts in ``tree``, in order, reusing existing rows."""
    _sync_list(
        Section,
        policy.sections.all(),
        [
            {
                "heading": s["heading"],
                "body": s.get("body", ""),
                "list_kind": s.get("list_kind", ""),
                "closing": s.get("closing", ""),
            }
            for s in tree.get("sections", [])
        ],
        policy=policy,
    )
    _sync_list(
        Principle,
        policy.principles.all(),
        [{"text": text} for text in tree.get("principles", [])],
        policy=policy,
    )
    _sync_goals(policy, None, tree.get("goals", []))
    focus_rows = [
        {
            "title": f["title"],
            "description": f.get("description", ""),
            "closing": f.get("closing", ""),
        }
        for f in tree.get("focus_areas", [])
    ]
    areas = _sync_list(FocusArea, policy.focus_areas.all(), focus_rows, policy=policy)
    for area, data in zip(areas, tree.get("focus_areas", []), strict=True):
        _sync_goals(policy, area, data.get("goals", []))


def _policy(municipality, data, **extra):
    data = dict(data)
    slug = data.pop("slug")
    defaults = {
        "subtitle": "",
        "period_start": None,
        "period_end": None,
        "vision": "",
        "introduction": "",
        "document_date": None,
        **data,
        **extra,
    }
    policy = Policy.objects.filter(municipality=municipality, slug=slug).first()
    if policy is None:
        policy = Policy(municipality=municipality, slug=slug)
    for key, value in defaults.items():
        setattr(policy, key, value)
    policy._change_reason = "Demodata"
    policy.full_clean()
    policy.save()
    return policy


def _strategy_agenda_item():
    return (
        AgendaItem.objects.filter(
            meeting__council__name="Integrationsrådet",
            meeting__starts_at__date=datetime.date(2023, 4, 11),
            title__icontains="Integrationsstrategi",
        )
        .order_by("number")
        .first()
    )


def _load_strategy_2023(aalborg, predecessor, council, department):
    fields = {"prepared_by": council, "department": department, "predecessor": predecessor}
    policy = Policy.objects.filter(municipality=aalborg, slug=AALBORG_2023["slug"]).first()
    item = _strategy_agenda_item()
    if policy is None or not policy.transitions.exists():
        # First load: walk the documented lifecycle through the services, freezing the
        # hearing draft on the way, exactly as staff would.
        policy = _policy(aalborg, AALBORG_2023, state=Policy.State.DRAFT, **fields)
        policy.versions.all().delete()
        sync_tree(policy, _tree_2023(GOALS_2023_HEARING_DRAFT))
        policy_transition(
            policy=policy,
            to_state=Policy.State.IN_HEARING,
            decided_on=datetime.date(2023, 2, 15),
            user=None,
            note=HEARING_NOTE_2023,
        )
        policy_freeze_version(policy=policy, label="Høringsudkast 15.02.2023", user=None)
        sync_tree(policy, _tree_2023(GOALS_2023_ADOPTED))
        policy_transition(
            policy=policy,
            to_state=Policy.State.COUNCIL_APPROVED,
            decided_on=datetime.date(2023, 4, 11),
            user=None,
            agenda_item=item,
            note=APPROVAL_NOTE_2023,
        )
        policy_freeze_version(policy=policy, label="Vedtaget", user=None)
        return policy
    # Later loads: keep the trail and the frozen versions; refresh the text and pick up the
    # council's agenda item if the councils demo now has it.
    policy = _policy(aalborg, AALBORG_2023, state=policy.state, **fields)
    sync_tree(policy, _tree_2023(GOALS_2023_ADOPTED))
    if item is not None:
        PolicyTransition.objects.filter(
            policy=policy, to_state=Policy.State.COUNCIL_APPROVED, agenda_item__isnull=True
        ).update(agenda_item=item)
        policy.agenda_items.add(item)
    return policy


@transaction.atomic
def load(stdout):
    aalborg = Municipality.objects.get(slug="aalborg")
    norddjurs = Municipality.objects.get(slug="norddjurs")
    council = Council.objects.filter(municipality=aalborg, name="Integrationsrådet").first()
    department = Department.objects.filter(municipality=aalborg, name="Job og Velfærd").first()

    p2005 = _policy(aalborg, AALBORG_2005)
    sync_tree(p2005, AALBORG_2005_TREE)
    p2012 = _policy(aalborg, AALBORG_2012, prepared_by=council, predecessor=p2005)
    sync_tree(p2012, AALBORG_2012_TREE)
    p2023 = _load_strategy_2023(aalborg, p2012, council, department)

    p2021 = _policy(norddjurs, NORDDJURS_2021)
    sync_tree(p2021, NORDDJURS_2021_TREE)
    status_item = (
        AgendaItem.objects.filter(
            meeting__council__municipality=norddjurs,
            meeting__starts_at__date=datetime.date(2023, 3, 15),
            title__icontains="Integrationspolitik",
        )
        .order_by("number")
        .first()
    )
    if status_item is not None:
        p2021.agenda_items.add(status_item)

    stdout.write(
        "Politikker: "
        + ", ".join(p.title for p in (p2005, p2012, p2023, p2021))
        + (" (uden Integrationsrådet)" if council is None else "")
    )


def public_urls():
    """Public paths of the demo's policy pages, for the browser accessibility test."""
    aalborg, norddjurs = "aalborg", "norddjurs"
    strategy = AALBORG_2023["slug"]
    return [
        reverse("policies:index", args=[aalborg]),
        reverse("policies:index", args=[norddjurs]),
        reverse("policies:detail", args=[aalborg, AALBORG_2005["slug"]]),
        reverse("policies:detail", args=[aalborg, AALBORG_2012["slug"]]),
        reverse("policies:detail", args=[aalborg, strategy]),
        reverse("policies:detail", args=[norddjurs, NORDDJURS_2021["slug"]]),
        reverse("policies:version", args=[aalborg, strategy, 1]),
        reverse("policies:compare", args=[aalborg, strategy]) + "?fra=1&til=2",
    ]
