"""One household (issue 16.2): Anna Schmidt (Kundennummer), her daughter of the same name entered as
"Anna Schmidt (Tochter)" without Kundennummer at the same street and phone, her husband Bernd Schmidt at the
same address, and Anne Schmidt of another house. Only Anna's own case is hers; the others are at most
similar."""

from __future__ import annotations

from tests import factories as f

HOUSE = {"street": "Lindenweg 4", "postcode": "23552", "city": "Lübeck", "bg_no": ""}


def build_household() -> dict[str, str]:
    """The refs of the cases by who filed them: anna, tochter, bernd, anne."""
    return {
        "anna": f.register(
            subject="Bescheid unverständlich",
            person=f.person("Anna Schmidt", phone="0451 777888", customer_no="123A456789", **HOUSE),
        ).ref,
        "tochter": f.register(
            subject="Ausbildungsförderung abgelehnt",
            description="Die Tochter bittet um Prüfung ihres Antrags auf Ausbildungsförderung.",
            person=f.person("Anna Schmidt (Tochter)", phone="0451/777888", customer_no="", **HOUSE),
        ).ref,
        "anne": f.register(
            subject="Termin verschoben",
            person=f.person("Anne Schmidt", street="Am Hang 9", phone="", customer_no="", bg_no=""),
        ).ref,
        "bernd": f.register(
            subject="Kontoänderung nicht übernommen",
            person=f.person("Bernd Schmidt", salutation="herr", phone="0451 777888", customer_no="", **HOUSE),
        ).ref,
    }
