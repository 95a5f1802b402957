"""The independent reference for test/springing.test.ts (methodology §7, springing on a trigger).

    python3 scripts/springing-reference.py        (needs mpmath: pip install mpmath)

Shares nothing with src/core. The probability is N(z) at 40 digits; the expected exposure is the
payoff 1{X < x*} · min(G, max(0, K − V·X)) integrated numerically against the normal density
(mpmath.quad, split at the payoff's kinks), not the closed form the add-in uses: so the test checks
the closed form's derivation as well as its code. Inputs are the decimal strings shown; the tests
pass the nearest doubles, which moves the results by about 1e-16 relative.
"""
from mpmath import mp, mpf, exp, inf, log, ncdf, npdf, quad, sqrt

mp.dps = 40


def threshold(kind, trigger, metric):
    """x*: the NOI ratio below which the trigger is crossed."""
    return metric / trigger if kind == "LTV" else trigger / metric


def probability(kind, trigger, metric, sigma, years, growth="0"):
    trigger, metric, sigma, years, growth = map(mpf, (trigger, metric, sigma, years, growth))
    m = (growth - sigma**2 / 2) * years
    return ncdf((log(threshold(kind, trigger, metric)) - m) / (sigma * sqrt(years)))


def expected(kind, trigger, metric, sigma, years, claim, value, limit, growth="0"):
    trigger, metric, sigma, years, claim, value, limit, growth = map(
        mpf, (trigger, metric, sigma, years, claim, value, limit, growth)
    )
    m = (growth - sigma**2 / 2) * years
    s = sigma * sqrt(years)
    xs = threshold(kind, trigger, metric)

    def payoff(z):
        x = exp(m + s * z)
        if x >= xs:
            return mpf(0)
        return min(limit, max(mpf(0), claim - value * x)) * npdf(z)

    kinks = {(log(xs) - m) / s}
    if value > 0:
        for b in (claim / value, (claim - limit) / value):
            if b > 0:
                kinks.add((log(b) - m) / s)
    return quad(payoff, [-inf] + sorted(kinks) + [inf])


PROBABILITY = [
    ("DSCR", "1.1", "1.35", "0.1", "5", "0.02"),
    ("LTV", "0.75", "0.65", "0.15", "7", "0"),
    ("DEBT_YIELD", "0.08", "0.1", "0.12", "5", "0.02"),
    ("DSCR", "1.2", "1.25", "0.05", "0.5", "-0.03"),
    ("LTV", "0.7", "0.4", "0.3", "20", "0.05"),
]
EXPECTED = [
    ("DSCR", "0.9", "1.35", "0.15", "7", "4650000", "6450000", "1125000", "0.02"),
    ("DSCR", "1.1", "1.35", "0.15", "7", "4650000", "6450000", "1125000", "0.02"),
    ("LTV", "0.9", "0.6", "0.2", "5", "4400000", "6000000", "4400000", "0"),
    ("DEBT_YIELD", "0.06", "0.09", "0.25", "10", "5000000", "6000000", "1250000", "0.03"),
    ("DSCR", "1", "1.2", "0.3", "3", "1000000", "1100000", "2000000", "-0.02"),
    ("DSCR", "1.2", "1.3", "0.1", "2", "1000", "0", "500", "0"),
]

if __name__ == "__main__":
    for case in PROBABILITY:
        print("P", case, mp.nstr(probability(*case), 20))
    for case in EXPECTED:
        print("E", case, mp.nstr(expected(*case), 20))
