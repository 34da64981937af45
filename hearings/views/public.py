"""Public pages: the hearings, the citizens' form and receipt, the hearing report."""

import hashlib
import logging

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.access import Reader
from core.views import municipality_from_slug
from core.visibility import get_visible_or_404
from hearings import selectors, services
from hearings.forms import CitizenResponseForm
from hearings.models import Hearing, HearingParty, Response, ResponseAttachment

logger = logging.getLogger(__name__)

# Submissions per address per hour. A school class answering from one network stays well
# below; a script does not.
RATE_LIMIT = getattr(settings, "HEARINGS_RESPONSES_PER_HOUR", 5)
RATE_WINDOW_SECONDS = 3600
RECEIPT_SESSION_KEY = "hearings_receipt"


def _public_hearing(request, municipality, pk):
    return get_visible_or_404(
        Hearing.objects.for_municipality(municipality).select_related(
            "policy__municipality", "version"
        ),
        request.user,
        pk=pk,
    )


def policy_url(policy):
    """The policy's page, once the policies app serves one."""
    try:
        return policy.get_absolute_url()
    except NoReverseMatch:
        return None


def index(request, municipality):
    municipality = municipality_from_slug(request, municipality)
    hearings = list(
        Hearing.objects.visible_to(request.user)
        .for_municipality(municipality)
        .select_related("policy__municipality")
        .order_by("-opens_on")
    )
    open_hearings = [h for h in hearings if h.state == Hearing.State.OPEN]
    other_hearings = [h for h in hearings if h.state != Hearing.State.OPEN]
    return render(
        request,
        "hearings/index.html",
        {
            "municipality": municipality,
            "open_hearings": open_hearings,
            "other_hearings": other_hearings,
            "breadcrumbs": [
                (municipality.name, reverse("core:municipality", args=[municipality.slug])),
                (_("Høringer"), None),
            ],
        },
    )


def _crumbs(municipality, hearing, *extra):
    return [
        (municipality.name, reverse("core:municipality", args=[municipality.slug])),
        (_("Høringer"), reverse("hearings:index", args=[municipality.slug])),
        (hearing.title, hearing.get_absolute_url() if extra else None),
        *extra,
    ]


def detail(request, municipality, pk):
    municipality = municipality_from_slug(request, municipality)
    hearing = _public_hearing(request, municipality, pk)
    responses_page = None
    if hearing.responses_public:
        # The public page lists what anyone may read, also for a logged-in insider: the
        # review page is where insiders see everything.
        published = (
            Response.objects.public()
            .filter(hearing=hearing)
            .select_related("responder")
            .prefetch_related(
                Prefetch(
                    "attachments",
                    queryset=ResponseAttachment.objects.visible_to(request).order_by("id"),
                )
            )
            .order_by("received_on", "id")
        )
        responses_page = Paginator(published, 20).get_page(request.GET.get("page"))
    parties = (
        HearingParty.objects.visible_to(request)
        .filter(hearing=hearing)
        .select_related("party")
        .order_by("party__name")
    )
    return render(
        request,
        "hearings/detail.html",
        {
            "municipality": municipality,
            "hearing": hearing,
            "policy_url": policy_url(hearing.policy),
            "parties": parties,
            "page_obj": responses_page,
            # The list is what anyone may read, so its text is too, whoever is logged in.
            "public_reader": Reader.anonymous(),
            "accepts_citizens": hearing.accepts_citizens(),
            "is_insider": Reader.of(request).is_insider(municipality),
            "breadcrumbs": _crumbs(municipality, hearing),
        },
    )


def client_address(request):
    """The submitter's address. Behind N reverse proxies (POLITIKSPOR_PROXY_COUNT) it is the
    N-th address from the right of X-Forwarded-For, the one our own proxy wrote; anything
    further left is the client's to forge. Without the setting every citizen would share
    the proxy's address and one rate limit."""
    proxies = getattr(settings, "POLITIKSPOR_PROXY_COUNT", 0)
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _client_key(request):
    # Only a hash of the address is kept, and only for the rate window.
    address = client_address(request)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"hearings:submissions:{digest}"


# The limit lives in the cache (Redis). A cache that is down must never cost a citizen the
# answer: the limit then lets everyone through and says so in the log.
def _rate_limited(request):
    try:
        return (cache.get(_client_key(request)) or 0) >= RATE_LIMIT
    except Exception as error:
        logger.warning("hearing form: cache unavailable (%r); rate limit not applied", error)
        return False


def _count_submission(request):
    key = _client_key(request)
    try:
        if not cache.add(key, 1, RATE_WINDOW_SECONDS):
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, RATE_WINDOW_SECONDS)
    except Exception as error:
        logger.warning("hearing form: cache unavailable (%r); submission not counted", error)


@require_http_methods(["GET", "POST"])
def respond(request, municipality, pk):
    municipality = municipality_from_slug(request, municipality)
    hearing = _public_hearing(request, municipality, pk)
    if not hearing.accepts_citizens():
        messages.info(request, _("Høringen modtager ikke svar via formularen nu."))
        return redirect(hearing.get_absolute_url())
    status = 200
    if request.method == "POST":
        form = CitizenResponseForm(request.POST, request.FILES)
        if _rate_limited(request):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Der er sendt mange svar fra din internetforbindelse den seneste time. "
                    "Prøv igen senere, eller send dit svar med e-mail."
                ),
            )
            status = 429
        elif form.is_valid():
            _count_submission(request)
            reference = None
            if not form.is_bot:
                try:
                    response = services.response_submit_citizen(
                        hearing=hearing,
                        name=form.cleaned_data["name"],
                        email=form.cleaned_data["email"],
                        organisation=form.cleaned_data["organisation"],
                        text=form.cleaned_data["text"],
                        publication_consent=form.cleaned_data["publication_consent"],
                        attachment=form.cleaned_data["attachment"],
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    reference = response.reference
            if not form.errors:
                # A bot that filled the honeypot sees the same receipt, without a number.
                request.session[RECEIPT_SESSION_KEY] = {"hearing": hearing.pk, "ref": reference}
                return redirect("hearings:receipt", municipality.slug, hearing.pk)
        if form.errors:
            form.renew_token()
    else:
        form = CitizenResponseForm()
    return render(
        request,
        "hearings/respond.html",
        {
            "municipality": municipality,
            "hearing": hearing,
            "form": form,
            "breadcrumbs": _crumbs(municipality, hearing, (_("Afgiv høringssvar"), None)),
        },
        status=status,
    )


def receipt(request, municipality, pk):
    municipality = municipality_from_slug(request, municipality)
    hearing = _public_hearing(request, municipality, pk)
    data = request.session.get(RECEIPT_SESSION_KEY)
    if not data or data.get("hearing") != hearing.pk:
        return redirect(hearing.get_absolute_url())
    return render(
        request,
        "hearings/receipt.html",
        {
            "municipality": municipality,
            "hearing": hearing,
            "reference": data.get("ref"),
            "breadcrumbs": _crumbs(municipality, hearing, (_("Kvittering"), None)),
        },
    )


def report(request, municipality, pk):
    municipality = municipality_from_slug(request, municipality)
    hearing = _public_hearing(request, municipality, pk)
    insider = Reader.of(request).is_insider(municipality)
    if not hearing.report_public and not insider:
        raise Http404
    return render(
        request,
        "hearings/report.html",
        {
            "municipality": municipality,
            "hearing": hearing,
            "report": selectors.hearing_report_data(hearing, request.user),
            "is_draft": not hearing.report_public,
            "is_final": hearing.report_final,
            "policy_url": policy_url(hearing.policy),
            "breadcrumbs": _crumbs(municipality, hearing, (_("Høringsnotat"), None)),
        },
    )


@never_cache
def attachment(request, pk):
    """A response's attachment through its rule; never kept by a shared cache, since a
    confidential response's file is the secretariat's only."""
    attachment = get_visible_or_404(
        ResponseAttachment.objects.select_related("response"), request.user, pk=pk
    )
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
