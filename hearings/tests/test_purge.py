"""The purge of personal data after a hearing's deletion date, on real PostgreSQL.

The history tables are read with SQL as well as through the ORM: a phone number left in
``hearings_historicalresponse`` is as much a leak as one in ``hearings_response``.
"""

import datetime

import pytest
from django.db import connection

from core.redact import REDACTED
from hearings import services
from hearings.models import Remark, Responder, Response
from hearings.tests.factories import (
    ConsultedPartyFactory,
    HearingFactory,
    PolicyFactory,
    ResponderFactory,
    ResponseFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date
PHONE = "23 45 67 89"
EMAIL = "ring.mig@example.dk"
CPR = "010203-1234"


@pytest.fixture
def hearing(aalborg):
    return HearingFactory(
        policy=PolicyFactory(municipality=aalborg),
        opens_on=D(2023, 2, 15),
        closes_on=D(2023, 3, 31),
        personal_data_delete_on=D(2023, 9, 30),
    )


AFTER = D(2023, 10, 1)


def rows_containing(table, value):
    """How many rows of ``table`` hold ``value`` in any text column, by SQL."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
            "AND data_type IN ('text', 'character varying')",
            [table],
        )
        columns = [row[0] for row in cursor.fetchall()]
        condition = " OR ".join(f'"{column}" LIKE %s' for column in columns)
        cursor.execute(
            f'SELECT count(*) FROM "{table}" WHERE {condition}',
            [f"%{value}%"] * len(columns),
        )
        return cursor.fetchone()[0]


HISTORY_TABLES = [
    "hearings_response",
    "hearings_historicalresponse",
    "hearings_remark",
    "hearings_historicalremark",
    "hearings_responder",
    "hearings_historicalresponder",
]


def typed_response(hearing, **responder):
    response = ResponseFactory(
        hearing=hearing,
        responder=ResponderFactory(municipality=hearing.policy.municipality, **responder),
        text=f"Vi ønsker flere lektiecaféer i 2023-2026. Ring på {PHONE}.",
        summary=f"Lektiecaféer; skriv til {EMAIL}",
    )
    response.text += f" Mit cpr er {CPR}."
    response.save()  # a second history row, with all three in it
    remark = services.remark_add(response=response, excerpt=f"Lektiecaféer ({EMAIL}, {PHONE})")
    remark.excerpt += " – gerne i weekenden"
    remark.save()
    return response, remark


def test_contact_details_typed_into_texts_go_from_the_rows_and_their_history(hearing):
    response, remark = typed_response(hearing)
    assert Response.history.filter(id=response.pk).count() == 2
    for value in (PHONE, EMAIL, CPR):
        assert sum(rows_containing(table, value) for table in HISTORY_TABLES) > 0

    services.contact_data_purge(today=AFTER)

    for value in (PHONE, EMAIL, CPR, "ring.mig"):
        for table in HISTORY_TABLES:
            assert rows_containing(table, value) == 0, (table, value)
    response.refresh_from_db()
    remark.refresh_from_db()
    assert response.text.startswith("Vi ønsker flere lektiecaféer i 2023-2026. Ring på ")
    assert REDACTED in response.text and REDACTED in response.summary
    assert remark.excerpt == f"Lektiecaféer ({REDACTED}, {REDACTED}) – gerne i weekenden"
    # Every history row keeps its own (redacted) wording
    assert [row.excerpt for row in remark.history.order_by("history_date")] == [
        f"Lektiecaféer ({REDACTED}, {REDACTED})",
        f"Lektiecaféer ({REDACTED}, {REDACTED}) – gerne i weekenden",
    ]


def test_nothing_is_touched_before_the_date(hearing):
    response, _remark = typed_response(hearing)
    assert services.contact_data_purge(today=D(2023, 9, 30)) == 0
    response.refresh_from_db()
    assert PHONE in response.text
    assert rows_containing("hearings_historicalremark", EMAIL) == 2


def test_an_organisations_contact_person_goes_and_its_name_stays(hearing):
    organisation = ResponderFactory(
        municipality=hearing.policy.municipality,
        kind=Responder.Kind.ORGANISATION,
        name="Jens Kontaktperson",
        organisation="Foreningen Sammen",
        email="jens@foreningen.dk",
        phone="40 11 22 33",
    )
    ResponseFactory(hearing=hearing, responder=organisation)
    assert organisation.public_name == "Foreningen Sammen"
    assert organisation.contact_person == "Jens Kontaktperson"
    organisation.address = "Vej 2"
    organisation.save()

    assert services.contact_data_purge(today=AFTER) == 1

    organisation.refresh_from_db()
    assert (organisation.email, organisation.phone, organisation.address) == ("", "", "")
    assert organisation.name == "Foreningen Sammen"
    assert organisation.public_name == "Foreningen Sammen"
    assert organisation.contact_person == ""
    assert organisation.contact_data_deleted_at
    for value in ("Jens Kontaktperson", "jens@foreningen.dk", "40 11 22 33", "Vej 2"):
        assert rows_containing("hearings_historicalresponder", value) == 0, value
        assert rows_containing("hearings_responder", value) == 0, value


def test_a_citizens_contact_fields_go_and_the_name_stays(hearing):
    citizen = ResponderFactory(
        municipality=hearing.policy.municipality,
        name="Hanne Hansen",
        email="slet.mig@example.dk",
        phone="12345678",
        address="Vej 1",
    )
    ResponseFactory(hearing=hearing, responder=citizen)
    citizen.phone = "87654321"
    citizen.save()  # a second history row

    assert services.contact_data_purge(today=AFTER) == 1

    citizen.refresh_from_db()
    assert (citizen.email, citizen.phone, citizen.address) == ("", "", "")
    assert citizen.name == "Hanne Hansen" and citizen.contact_data_deleted_at
    for row in citizen.history.all():
        assert (row.email, row.phone, row.address, row.name) == ("", "", "", "Hanne Hansen")
    hearing.refresh_from_db()
    assert hearing.contact_data_purged_at


def test_a_consulted_bodys_register_address_stays(hearing):
    party = ConsultedPartyFactory(
        municipality=hearing.policy.municipality, contact_email="sekretariat@raadet.dk"
    )
    body = services.responder_for_party(party=party)
    ResponseFactory(hearing=hearing, responder=body)
    services.contact_data_purge(today=AFTER)
    body.refresh_from_db()
    assert body.email == "sekretariat@raadet.dk" and body.contact_data_deleted_at is None


def test_a_responder_of_a_later_hearing_keeps_contact_data_but_the_due_text_is_redacted(
    hearing,
):
    response, _remark = typed_response(hearing, email="beholdes@example.dk")
    later = HearingFactory(policy=hearing.policy, personal_data_delete_on=D(2031, 1, 1))
    ResponseFactory(hearing=later, responder=response.responder, text=f"Igen: {PHONE}")

    assert services.contact_data_purge(today=AFTER) == 0

    response.responder.refresh_from_db()
    assert response.responder.email == "beholdes@example.dk"
    response.refresh_from_db()
    assert PHONE not in response.text
    assert Response.objects.get(hearing=later).text == f"Igen: {PHONE}"


def test_the_purge_is_idempotent_and_catches_text_edited_afterwards(hearing):
    response, _remark = typed_response(hearing)
    plain = ResponseFactory(hearing=hearing, text="Ingen kontaktoplysninger i 2023-2026.")
    services.contact_data_purge(today=AFTER)
    history_rows = Response.history.count()
    plain_history = list(plain.history.values_list("history_id", "text"))

    services.contact_data_purge(today=AFTER + datetime.timedelta(days=1))
    assert Response.history.count() == history_rows  # no history row per wipe
    assert list(plain.history.values_list("history_id", "text")) == plain_history
    plain.refresh_from_db()
    assert plain.text == "Ingen kontaktoplysninger i 2023-2026."

    # Someone pastes a number into the text after the purge: the next run takes it.
    response.refresh_from_db()
    response.text += " Ny mail: ny@example.dk"
    response.save()
    remark = Remark.objects.get(response=response)
    remark.excerpt += " 98 76 54 32"
    remark.save()
    services.contact_data_purge(today=AFTER + datetime.timedelta(days=2))
    for table in HISTORY_TABLES:
        assert rows_containing(table, "ny@example.dk") == 0, table
        assert rows_containing(table, "98 76 54 32") == 0, table
