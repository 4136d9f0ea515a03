"""The chart palette stays distinguishable for readers with a colour-vision deficiency.

Each colour is passed through the simulation of Machado, Oliveira & Fernandes (2009, IEEE TVCG
15(6)) at full severity, then compared with every other in CIELAB: the distance ΔE*ab must stay
at least MIN_DELTA_E (about three times the distance at which two flat patches look different
side by side). The Okabe–Ito palette keeps at least 16 under all three; a palette that relies
on red against green (matplotlib's tab10, say) drops to about 7 under deuteranopia.
"""

import itertools

import numpy as np
import pytest

from yrdbook.charts.theme import PALETTE

MIN_DELTA_E = 15.0

# Linear-RGB simulation matrices, severity 1.0 (Machado et al. 2009, table of their supplement).
SIMULATIONS = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}
SRGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750],
                        [0.0193339, 0.1191920, 0.9503041]])
D65 = np.array([0.95047, 1.0, 1.08883])


def linear_rgb(hex_colour: str) -> np.ndarray:
    srgb = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def lab(linear: np.ndarray) -> np.ndarray:
    t = SRGB_TO_XYZ @ np.clip(linear, 0, 1) / D65
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def closest_pair(palette, simulation=None) -> tuple[float, str, str]:
    matrix = np.eye(3) if simulation is None else np.array(SIMULATIONS[simulation])
    seen = {c: lab(matrix @ linear_rgb(c)) for c in palette}
    return min((float(np.linalg.norm(seen[a] - seen[b])), a, b) for a, b in itertools.combinations(palette, 2))


@pytest.mark.parametrize("simulation", [None, *SIMULATIONS])
def test_palette_colours_stay_apart(simulation):
    distance, a, b = closest_pair(PALETTE, simulation)
    assert distance >= MIN_DELTA_E, f"{a} and {b} are only ΔE {distance:.1f} apart under {simulation or 'normal vision'}"


def test_the_check_would_catch_a_red_green_palette():
    tab10 = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]
    assert closest_pair(tab10, "deuteranopia")[0] < MIN_DELTA_E
