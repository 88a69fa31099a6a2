"""Plain-language "why" texts of the health measures, and their compact stored form.

A measure does not store its explanation as text. It returns a ``Why``: a
short template code and the numbers and dates that fill it. The text is
rendered when it is shown, so it follows the user's language and locale,
and a snapshot stores a few bytes per measure instead of a sentence.
Templates use ``{0}``, ``{1}``... placeholders. Numbers are formatted with
the locale's separators and ISO date strings as the locale's short date.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication

log = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Why(NamedTuple):
    """The reason behind a measure's value: a template code and the values that fill it."""

    code: str
    args: tuple[Any, ...] = ()

    @property
    def text(self) -> str:
        return render(self)


# Each entry returns the translated template. The literal translate calls let lupdate find them.
_TEMPLATES: dict[str, Callable[[], str]] = {
    # Usage trend over a window of {0} days.
    "u0": lambda: QCoreApplication.translate("HealthWhy", "No feature usage recorded yet."),
    "u1": lambda: QCoreApplication.translate(
        "HealthWhy",
        "No feature events in the last {0} days or the {0} before; the last were on {1}.",
    ),
    "u2": lambda: QCoreApplication.translate(
        "HealthWhy", "{1} feature events in the last {0} days, none in the {0} days before."
    ),
    "u3": lambda: QCoreApplication.translate(
        "HealthWhy",
        "{1} feature events in the last {0} days, about the same as the {0} days before.",
    ),
    "u4": lambda: QCoreApplication.translate(
        "HealthWhy",
        "{1} feature events in the last {0} days, up {2}% on the {0} days before ({3}).",
    ),
    "u5": lambda: QCoreApplication.translate(
        "HealthWhy",
        "Feature events fell {2}% in {0} days: {1} in the last {0} days against {3} before.",
    ),
    # Adoption breadth.
    "b0": lambda: QCoreApplication.translate("HealthWhy", "No feature-level usage recorded yet."),
    "b1": lambda: QCoreApplication.translate(
        "HealthWhy", "Used {0} of {1} key features in the last {2} days."
    ),
    # Seat utilisation.
    "s0": lambda: QCoreApplication.translate(
        "HealthWhy", "The number of licensed seats is not known."
    ),
    "s1": lambda: QCoreApplication.translate(
        "HealthWhy", "No seats-used figures recorded in the last {0} days."
    ),
    "s2": lambda: QCoreApplication.translate(
        "HealthWhy", "{0} of {1} licensed seats used (figure of {2})."
    ),
    # Survey scores.
    "n0": lambda: QCoreApplication.translate("HealthWhy", "No NPS responses recorded yet."),
    "n1": lambda: QCoreApplication.translate(
        "HealthWhy", "NPS {0} from {1} responses ({2} promoters, {3} detractors), newest on {4}."
    ),
    "c0": lambda: QCoreApplication.translate(
        "HealthWhy", "No rated tickets or CSAT responses in the last 180 days."
    ),
    "c1": lambda: QCoreApplication.translate(
        "HealthWhy", "Mean CSAT {0} of 5 in the last 180 days (ratings: {1})."
    ),
    # Support.
    "t0": lambda: QCoreApplication.translate("HealthWhy", "No support tickets recorded yet."),
    "t1": lambda: QCoreApplication.translate("HealthWhy", "No tickets opened in the last 90 days."),
    "t2": lambda: QCoreApplication.translate(
        "HealthWhy",
        "Tickets opened in the last 90 days: {0} ({1} high or urgent, {2} still open); load {3}.",
    ),
    "e0": lambda: QCoreApplication.translate(
        "HealthWhy", "No escalated tickets in the last 180 days."
    ),
    "e1": lambda: QCoreApplication.translate(
        "HealthWhy", "Escalated tickets in the last 180 days: {0}."
    ),
    # Engagement, invoices, onboarding, churn.
    "r0": lambda: QCoreApplication.translate(
        "HealthWhy", "No customer-facing activity recorded yet."
    ),
    "r1": lambda: QCoreApplication.translate(
        "HealthWhy", "Last customer-facing touch {0} days ago, on {1}."
    ),
    "i0": lambda: QCoreApplication.translate("HealthWhy", "No invoices due yet."),
    "i1": lambda: QCoreApplication.translate(
        "HealthWhy", "No invoice is unpaid after its due date."
    ),
    "i2": lambda: QCoreApplication.translate(
        "HealthWhy", "Invoices unpaid after their due date: {0}; the oldest is {1} days overdue."
    ),
    "g0": lambda: QCoreApplication.translate("HealthWhy", "No onboarding goals due yet."),
    "g1": lambda: QCoreApplication.translate(
        "HealthWhy", "{0} of {1} onboarding goals due so far were met."
    ),
    "h0": lambda: QCoreApplication.translate(
        "HealthWhy", "The account's history has not started yet."
    ),
    "h1": lambda: QCoreApplication.translate("HealthWhy", "No churn events in the last 365 days."),
    # Telco sample backtest: the raw value of a mapped column.
    "telco": lambda: QCoreApplication.translate("HealthWhy", "Value {0}."),
    "h2": lambda: QCoreApplication.translate(
        "HealthWhy", "Churn events in the last 365 days: {0} fresh, {1} after a reactivation."
    ),
}


def _variant(why: Why) -> Callable[[], str] | None:
    """Return the sentence for arguments the code's general template reads wrong, or None.

    A count of one takes its own sentence, which covers English and Spanish,
    and a fall to no usage at all reads "no feature events" instead of
    "fell 100%". The stored codes stay the same, so older snapshots get the
    right sentence too.
    NOTE: a language with more plural forms would need Qt's %n forms here.
    """
    code, args = why.code, why.args
    if code == "u5" and len(args) > 3 and args[1] == 0:
        return lambda: QCoreApplication.translate(
            "HealthWhy",
            "No feature events in the last {0} days, against {3} in the {0} days before.",
        )
    if code == "u2" and len(args) > 1 and args[1] == 1:
        return lambda: QCoreApplication.translate(
            "HealthWhy", "1 feature event in the last {0} days, none in the {0} days before."
        )
    if code == "u3" and len(args) > 1 and args[1] == 1:
        return lambda: QCoreApplication.translate(
            "HealthWhy",
            "1 feature event in the last {0} days, about the same as the {0} days before.",
        )
    if code == "n1" and len(args) > 1 and args[1] == 1:
        return lambda: QCoreApplication.translate("HealthWhy", "NPS {0} from 1 response, on {4}.")
    if code == "r1" and args and args[0] in (0, 1):
        if args[0] == 0:
            return lambda: QCoreApplication.translate(
                "HealthWhy", "Last customer-facing touch on the day of the score, {1}."
            )
        return lambda: QCoreApplication.translate(
            "HealthWhy", "Last customer-facing touch 1 day ago, on {1}."
        )
    if code == "i2" and len(args) > 1 and args[1] == 1:
        return lambda: QCoreApplication.translate(
            "HealthWhy", "Invoices unpaid after their due date: {0}; the oldest is 1 day overdue."
        )
    if code == "g1" and len(args) > 1 and args[1] == 1:
        if args[0] == 1:
            return lambda: QCoreApplication.translate(
                "HealthWhy", "The onboarding goal due so far was met."
            )
        return lambda: QCoreApplication.translate(
            "HealthWhy", "The onboarding goal due so far was not met."
        )
    return None


def render(why: Why | str) -> str:
    """Render ``why`` as a sentence in the current language; plain strings pass through.

    An unknown code (from a newer version of the app) renders as the code
    itself rather than failing, so old snapshots always stay readable.
    """
    if isinstance(why, str):
        return why
    template = _variant(why) or _TEMPLATES.get(why.code)
    if template is None:
        log.warning("Unknown health explanation code %r", why.code)
        return why.code
    return template().format(*(_format_arg(arg) for arg in why.args))


def _format_arg(value: Any) -> str:
    from csm_desktop.formatting import format_date, format_number

    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_number(value)
    if isinstance(value, float):
        return format_number(value, decimals=0 if value.is_integer() else 1)
    if isinstance(value, str) and _ISO_DATE.match(value):
        from datetime import date

        return format_date(date.fromisoformat(value))
    return str(value)


def known_codes() -> frozenset[str]:
    """Return every template code, for tests that check readers emit known codes."""
    return frozenset(_TEMPLATES)
