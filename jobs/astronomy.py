"""New moons and the sun's longitude, accurate to a minute, for the lunar calendar.

New moons follow Meeus, Astronomical Algorithms (2nd ed.), ch. 49, with all periodic and
planetary terms; dynamical time is turned into universal time with the Espenak–Meeus ΔT
polynomials. The sun's apparent longitude follows ch. 25 (low accuracy, with nutation and
aberration). tests/jobs/test_lunar.py checks both against PyEphem for 1900–2199.
"""

from __future__ import annotations

import math

_RAD = math.pi / 180
LUNATIONS_1900_TO_2000 = 1237  # k of ch. 49 counts from the new moon of 2000-01-06

# (constant, per lunation k, per T², amplitude in days) of the fourteen planetary arguments
_PLANETARY = ((299.77, 0.107408, -0.009173, 0.000325), (251.88, 0.016321, 0, 0.000165),
              (251.83, 26.651886, 0, 0.000164), (349.42, 36.412478, 0, 0.000126),
              (84.66, 18.206239, 0, 0.000110), (141.74, 53.303771, 0, 0.000062),
              (207.14, 2.453732, 0, 0.000060), (154.84, 7.306860, 0, 0.000056),
              (34.52, 27.261239, 0, 0.000047), (207.19, 0.121824, 0, 0.000042),
              (291.34, 1.844379, 0, 0.000040), (161.72, 24.198154, 0, 0.000037),
              (239.56, 25.513099, 0, 0.000035), (331.55, 3.592518, 0, 0.000023))


def delta_t(year: float) -> float:
    """TT − UT in seconds (Espenak and Meeus, 2006), for the years this calendar serves."""
    if year < 1920:
        t = year - 1900
        return -2.79 + 1.494119 * t - 0.0598939 * t**2 + 0.0061966 * t**3 - 0.000197 * t**4
    if year < 1941:
        t = year - 1920
        return 21.20 + 0.84493 * t - 0.076100 * t**2 + 0.0020936 * t**3
    if year < 1961:
        t = year - 1950
        return 29.07 + 0.407 * t - t**2 / 233 + t**3 / 2547
    if year < 1986:
        t = year - 1975
        return 45.45 + 1.067 * t - t**2 / 260 - t**3 / 718
    if year < 2005:
        t = year - 2000
        return (63.86 + 0.3345 * t - 0.060374 * t**2 + 0.0017275 * t**3
                + 0.000651814 * t**4 + 0.00002373599 * t**5)
    if year < 2050:
        t = year - 2000
        return 62.92 + 0.32217 * t + 0.005589 * t**2
    u = (year - 1820) / 100
    return -20 + 32 * u * u - (0.5628 * (2150 - year) if year < 2150 else 0)


def new_moon(k: int) -> float:
    """Julian day (UT) of the k-th new moon after the one of 1900-01-01 (k may be negative)."""
    k -= LUNATIONS_1900_TO_2000
    t = k / 1236.85
    jde = (2451550.09766 + 29.530588861 * k + 0.00015437 * t**2 - 0.000000150 * t**3
           + 0.00000000073 * t**4)
    e = 1 - 0.002516 * t - 0.0000074 * t**2
    m = (2.5534 + 29.10535670 * k - 0.0000014 * t**2 - 0.00000011 * t**3) * _RAD
    mp = (201.5643 + 385.81693528 * k + 0.0107582 * t**2 + 0.00001238 * t**3
          - 0.000000058 * t**4) * _RAD
    f = (160.7108 + 390.67050284 * k - 0.0016118 * t**2 - 0.00000227 * t**3
         + 0.000000011 * t**4) * _RAD
    node = (124.7746 - 1.56375588 * k + 0.0020672 * t**2 + 0.00000215 * t**3) * _RAD
    s = math.sin
    jde += (-0.40720 * s(mp) + 0.17241 * e * s(m) + 0.01608 * s(2 * mp) + 0.01039 * s(2 * f)
            + 0.00739 * e * s(mp - m) - 0.00514 * e * s(mp + m) + 0.00208 * e * e * s(2 * m)
            - 0.00111 * s(mp - 2 * f) - 0.00057 * s(mp + 2 * f) + 0.00056 * e * s(2 * mp + m)
            - 0.00042 * s(3 * mp) + 0.00042 * e * s(m + 2 * f) + 0.00038 * e * s(m - 2 * f)
            - 0.00024 * e * s(2 * mp - m) - 0.00017 * s(node) - 0.00007 * s(mp + 2 * m)
            + 0.00004 * s(2 * mp - 2 * f) + 0.00004 * s(3 * m) + 0.00003 * s(mp + m - 2 * f)
            + 0.00003 * s(2 * mp + 2 * f) - 0.00003 * s(mp + m + 2 * f)
            + 0.00003 * s(mp - m + 2 * f) - 0.00002 * s(mp - m - 2 * f)
            - 0.00002 * s(3 * mp + m) + 0.00002 * s(4 * mp))
    jde += sum(amp * s((base + per_k * k + per_t2 * t * t) * _RAD)
               for base, per_k, per_t2, amp in _PLANETARY)
    return jde - delta_t(2000 + k / 12.3685) / 86400


def sun_longitude(jd_ut: float) -> float:
    """The sun's apparent ecliptic longitude in degrees [0, 360) at a Julian day (UT)."""
    jde = jd_ut + delta_t(2000 + (jd_ut - 2451545.0) / 365.25) / 86400
    t = (jde - 2451545.0) / 36525
    mean = (280.46646 + 36000.76983 * t + 0.0003032 * t * t) % 360
    anomaly = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * _RAD
    centre = ((1.914602 - 0.004817 * t - 0.000014 * t * t) * math.sin(anomaly)
              + (0.019993 - 0.000101 * t) * math.sin(2 * anomaly)
              + 0.000289 * math.sin(3 * anomaly))
    node = (125.04 - 1934.136 * t) * _RAD
    return (mean + centre - 0.00569 - 0.00478 * math.sin(node)) % 360
