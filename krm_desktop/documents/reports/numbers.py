"""German number formatting for reports: 1.234 · 12,5 % · 7,5 Tage · "–" where there is no value."""

from __future__ import annotations

DASH = "–"


def de_int(value: int | None) -> str:
    """1234 -> "1.234"."""
    if value is None:
        return DASH
    return f"{value:,}".replace(",", ".")


def de_num(value: float | None, decimals: int = 1) -> str:
    """12.5 -> "12,5"; 1234.5 -> "1.234,5"; whole numbers keep no decimals when decimals=0."""
    if value is None:
        return DASH
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def de_pct(value: float | None) -> str:
    """12.5 -> "12,5 %" (no-break space before the sign); None -> "–"."""
    if value is None:
        return DASH
    return f"{de_num(value)}\u00a0%"


def de_days(value: float | None) -> str:
    """Whole days without decimals, halves (a median) with one."""
    if value is None:
        return DASH
    return de_num(value, 0 if float(value).is_integer() else 1)


def de_signed(value: float | None, unit: str) -> str:
    """A change: "+12", "-3", "+1,5 Pp." (percentage points), "±0" (ASCII minus: the PDF base fonts lack U+2212)."""
    if value is None:
        return DASH
    if value == 0:
        return "±0" + (" Pp." if unit == "pct" else "")
    sign = "+" if value > 0 else "-"
    magnitude = abs(value)
    if unit == "n":
        text = de_int(int(magnitude))
    elif unit == "days":
        text = de_days(magnitude)
    else:
        text = de_num(magnitude)
    return f"{sign}{text}" + (" Pp." if unit == "pct" else "")


def de_value(value: float | None, unit: str) -> str:
    """A key figure by its unit: "n" count, "pct" percent, "days" days."""
    if unit == "pct":
        return de_pct(value)
    if unit == "days":
        return de_days(value)
    return de_int(None if value is None else int(value))


def de_change(change: float | None, change_pct: float | None, unit: str) -> str:
    """ "+528 (+4,2 %)" for counts, "-0,4 Pp." for percentages, "+2" for days."""
    text = de_signed(change, unit)
    if change_pct is not None:
        text += f" ({de_signed(change_pct, 'pct').replace(' Pp.', ' %')})"
    return text
