"""Sweden's days off by their Swedish names, worked out from the calendar rules (Easter and the weekdays
of Midsummer and All Saints), with no library: the statutory public holidays and three eves.

The rules are those in force since 2005 (Nationaldagen a holiday, Annandag pingst no longer one); years
before 2005 keep Annandag pingst and have no Nationaldagen holiday. Midsummer and All Saints have fallen on
their Saturdays since 1953. Ordinary Sundays are not listed: a group may meet on a Sunday.
"""

import datetime as dt

DAY = dt.timedelta(days=1)


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the computus of Meeus, Jones and Butcher)."""
    golden = year % 19
    century, of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    correction = (century + 8) // 25
    moon = (century - correction + 1) // 3
    epact = (19 * golden + century - leap_centuries - moon + 15) % 30
    leap_years, year_rest = divmod(of_century, 4)
    weekday = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    shift = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * shift + 114, 31)
    return dt.date(year, month, day + 1)


def _saturday_from(first: dt.date) -> dt.date:
    """The first Saturday on or after ``first``."""
    return first + (5 - first.weekday()) % 7 * DAY


def swedish_days_off(year: int) -> dict[dt.date, str]:
    """The year's days off in date order, each with its Swedish name."""
    easter = easter_sunday(year)
    midsummer = _saturday_from(dt.date(year, 6, 20))
    days = [
        (dt.date(year, 1, 1), "Nyårsdagen"),
        (dt.date(year, 1, 6), "Trettondedag jul"),
        (easter - 2 * DAY, "Långfredagen"),
        (easter, "Påskdagen"),
        (easter + DAY, "Annandag påsk"),
        (dt.date(year, 5, 1), "Första maj"),
        (easter + 39 * DAY, "Kristi himmelsfärdsdag"),
        (easter + 49 * DAY, "Pingstdagen"),
        (midsummer - DAY, "Midsommarafton"),
        (midsummer, "Midsommardagen"),
        (_saturday_from(dt.date(year, 10, 31)), "Alla helgons dag"),
        (dt.date(year, 12, 24), "Julafton"),
        (dt.date(year, 12, 25), "Juldagen"),
        (dt.date(year, 12, 26), "Annandag jul"),
        (dt.date(year, 12, 31), "Nyårsafton"),
    ]
    if year >= 2005:
        days.append((dt.date(year, 6, 6), "Nationaldagen"))
    else:
        days.append((easter + 50 * DAY, "Annandag pingst"))
    # Two holidays can fall on one day (Första maj and Kristi himmelsfärdsdag in 2008): both names, in order.
    names: dict[dt.date, list[str]] = {}
    for day, name in sorted(days):
        names.setdefault(day, []).append(name)
    return {day: ", ".join(named) for day, named in names.items()}
