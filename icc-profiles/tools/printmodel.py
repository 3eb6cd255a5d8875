#!/usr/bin/env python3
"""Platen print model: predicts CIE XYZ/Lab (D50, 2 deg) of CMYK patches from an aims file.

Python 3 standard library only, so the rebuild needs nothing but python3 and ArgyllCMS.

Model (see ../README.md for the equations and the reasons):
  * Every aim colour gets a smooth reflectance spectrum (three absorption bands over the
    paper spectrum) that reproduces its XYZ exactly.
  * 16 Neugebauer primaries. Paper, the 4 solids, the overprints R/G/B and (if published)
    C+M+Y are the aims. The rest (K overprints, C+M+Y when not published, C+M+Y+K) follow
    the print sequence K-C-M-Y: densities add, the later ink trapped by a factor gamma that
    is derived from the published two-colour overprints, above a reflection floor.
  * Yule-Nielsen modified spectral Neugebauer (per wavelength), Demichel weights.
  * Tone value increase: the aims give TVI as ISO 12647-2 defines it (Murray-Davies on the
    density of the ink's complementary filter). For each ink the effective Yule-Nielsen dot
    area is solved so that the model's single-ink tint has exactly that Murray-Davies TVI.

Commands:
  printmodel.py ti3 AIMS.json OUT.ti3 [--set key=value ...]   write an ArgyllCMS CTI3 file
  printmodel.py predict AIMS.json C M Y K [--set ...]           print XYZ and Lab of one patch
  printmodel.py primaries AIMS.json [--set ...]                  print the 16 primaries (Lab)

--set overrides a value of the aims' "model" block (yn_n, surface_floor, tvi_skew, gamma).
Output is a pure function of the aims file and the overrides: no dates, no randomness.
"""
import itertools
import json
import math
import sys

# ISO 13655 / ICC PCS white: D50, 2 degree observer, Y normalised to 100.
D50 = (96.422, 100.0, 82.521)

INKS = "CMYK"

# Grid for the characterization set. Denser in the highlights and shadows where the TVI
# curve bends most; 8 levels per channel is within the 6-9 that ISO 12642-2 style
# targets use and keeps colprof -qm fast.
GRID = (0, 10, 20, 35, 50, 65, 80, 100)
# Single-ink ramps in 5 % steps, and a C=M=Y (+K) neutral-ish ramp, so colprof sees the
# tone curves and the grey axis in more detail than the grid alone gives.
RAMP = tuple(range(0, 101, 5))


def lab_to_xyz(lab):
    L, a, b = lab
    fy = (L + 16.0) / 116.0
    fx = fy + a / 500.0
    fz = fy - b / 200.0

    def finv(t):
        return t ** 3 if t > 6.0 / 29.0 else 3 * (6.0 / 29.0) ** 2 * (t - 4.0 / 29.0)

    return tuple(w * finv(f) for w, f in zip(D50, (fx, fy, fz)))


def xyz_to_lab(xyz):
    def f(t):
        return t ** (1.0 / 3.0) if t > (6.0 / 29.0) ** 3 else t / (3 * (6.0 / 29.0) ** 2) + 4.0 / 29.0

    fx, fy, fz = (f(v / w) for v, w in zip(xyz, D50))
    return (116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz))


def combo_name(bits):
    return "".join(ch for ch, on in zip(INKS, bits) if on) or "W"


# --- approximate spectral colorimetry -------------------------------------------------
# Only used to *derive* the Neugebauer primaries the aims do not give and to interpolate
# between primaries; every primary that has an aim keeps the aim's XYZ exactly, because the
# spectra are solved to reproduce the aims in this same colorimetry.
WAVELENGTHS = tuple(range(400, 701, 10))


def _pgauss(x, mu, t1, t2):
    t = t1 if x < mu else t2
    return math.exp(-0.5 * (t * (x - mu)) ** 2)


def _cmf(lam):
    # CIE 1931 2 deg observer, multi-lobe piecewise-Gaussian fit of Wyman, Sloan & Shirley,
    # "Simple Analytic Approximations to the CIE XYZ Color Matching Functions", JCGT 2(2), 2013.
    x = (1.056 * _pgauss(lam, 599.8, 0.0264, 0.0323) + 0.362 * _pgauss(lam, 442.0, 0.0624, 0.0374)
         - 0.065 * _pgauss(lam, 501.1, 0.0490, 0.0382))
    y = 0.821 * _pgauss(lam, 568.8, 0.0213, 0.0247) + 0.286 * _pgauss(lam, 530.9, 0.0613, 0.0322)
    z = 1.217 * _pgauss(lam, 437.0, 0.0845, 0.0278) + 0.681 * _pgauss(lam, 459.0, 0.0385, 0.0725)
    return (x, y, z)


def _planck(lam_nm, temp):
    lam = lam_nm * 1e-9
    return 1.0 / (lam ** 5 * (math.exp(1.4388e-2 / (lam * temp)) - 1.0))


# D50 stand-in: Planckian radiator at 5003 K (the CCT of D50). Each channel is normalised
# so that a perfect reflector gives exactly the ICC D50 white.
_W = []
for _c in range(3):
    row = [_planck(l, 5003.0) * _cmf(l)[_c] for l in WAVELENGTHS]
    s = sum(row)
    _W.append(tuple(D50[_c] * v / s for v in row))

# Absorption basis for ink density spectra: three broad bands (blue, green, red), the
# regions in which yellow, magenta and cyan process inks absorb (ISO 2846-1 inks).
_BANDS = ((445.0, 35.0), (540.0, 40.0), (625.0, 45.0))
_B = tuple(tuple(math.exp(-0.5 * ((l - mu) / sg) ** 2) for l in WAVELENGTHS) for mu, sg in _BANDS)


def spec_to_xyz(r):
    return tuple(sum(w * v for w, v in zip(_W[c], r)) for c in range(3))


def _solve3(a, b):
    # Cramer's rule, 3x3.
    def det(m):
        return (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]))
    d = det(a)
    out = []
    for i in range(3):
        m = [list(row) for row in a]
        for r in range(3):
            m[r][i] = b[r]
        out.append(det(m) / d)
    return out


def fit_density(target_xyz, base, floor):
    """Band densities d (3) such that floor + (base - floor) * 10^-(sum d_j B_j) has the
    target XYZ. Newton iteration in log-XYZ."""
    d = [0.5, 0.5, 0.5]
    tgt = [math.log(v) for v in target_xyz]
    for _ in range(60):
        r = spectrum(base, d, floor)
        xyz = spec_to_xyz(r)
        f = [math.log(v) - t for v, t in zip(xyz, tgt)]
        if max(abs(v) for v in f) < 1e-10:
            break
        jac = [[0.0] * 3 for _ in range(3)]
        for j in range(3):
            # d r / d d_j = -(r - floor) * ln10 * B_j
            dr = [-(rv - floor) * math.log(10.0) * b for rv, b in zip(r, _B[j])]
            dx = spec_to_xyz(dr)
            for c in range(3):
                jac[c][j] = dx[c] / xyz[c]
        step = _solve3(jac, [-v for v in f])
        d = [di + si for di, si in zip(d, step)]
    return tuple(d)


def density_spectrum(d):
    return tuple(sum(dj * b[i] for dj, b in zip(d, _B)) for i in range(len(WAVELENGTHS)))


def spectrum(base, d, floor):
    dens = density_spectrum(d)
    return tuple(floor + (bv - floor) * math.pow(10.0, -dv) for bv, dv in zip(base, dens))


class PrintModel:
    def __init__(self, aims, overrides=None):
        self.aims = aims
        params = dict(aims.get("model", {}))
        params.update(overrides or {})
        self.n = float(params.get("yn_n", 2.0))
        self.floor = float(params.get("surface_floor", 0.0))
        self.skew = float(params.get("tvi_skew", 0.0))
        self.tvi50 = {k: float(v) / 100.0 for k, v in aims["tvi50"].items()}
        self.params = params

        lab = aims["lab"]
        self.aim_xyz = {k: lab_to_xyz(v) for k, v in lab.items()}
        self.white = self.aim_xyz["W"]
        darkest = min(v[1] / self.white[1] for v in self.aim_xyz.values())
        if not 0.0 <= self.floor < darkest:
            raise ValueError("surface_floor %.4f must be below the darkest aim (%.4f of paper white)" % (self.floor, darkest))
        # Paper: a smooth spectrum under a perfect white with the paper's XYZ (no floor).
        flat = tuple(1.0 for _ in WAVELENGTHS)
        self.paper = spectrum(flat, fit_density(self.white, flat, 0.0), 0.0)
        # Every aim colour as a density spectrum over the paper (first-surface floor removed).
        self.aim_d = {k: fit_density(v, self.paper, self.floor) for k, v in self.aim_xyz.items() if k != "W"}
        self.gamma = float(params["gamma"]) if "gamma" in params else self._trap_gamma()
        self.primaries = self._primaries()
        self.dens_channel = {ink: self._density_channel(ink) for ink in INKS}
        self._area_lut = {ink: self._build_area_lut(ink) for ink in INKS}

    # --- subtractive rule ------------------------------------------------------------
    # Inks are transparent absorbers on a scattering substrate: densities add along the
    # wavelength axis (Beer-Lambert, double pass folded into the density). Two corrections:
    #  * a reflection floor (light reflected at the ink-air interface never enters the ink,
    #    and on rough stock some fibres are never inked, so no ink stack goes below it);
    #  * apparent trapping: in wet-on-wet printing (ISO 12647-2 sequence K-C-M-Y) an ink
    #    laid onto a previous ink transfers only the fraction gamma of its film, so
    #    D(first + second) = D(first) + gamma * D(second).
    def _stack_d(self, first, second):
        return tuple(a + self.gamma * b for a, b in zip(first, second))

    def _spec_of_d(self, dens):
        return tuple(self.floor + (p - self.floor) * math.pow(10.0, -dv) for p, dv in zip(self.paper, dens))

    def _trap_gamma(self):
        # gamma from the published two-colour overprints: the value for which the rule
        # above reproduces R = M then Y, G = C then Y, B = C then M best (sum of
        # squared CIELAB differences, golden-section search).
        pairs = [p for p in ("MY", "CY", "CM") if p in self.aim_xyz]
        if not pairs:
            return 1.0
        dspec = {k: density_spectrum(v) for k, v in self.aim_d.items()}

        def err(g):
            e = 0.0
            for p in pairs:
                dens = tuple(a + g * b for a, b in zip(dspec[p[0]], dspec[p[1]]))
                lab = xyz_to_lab(spec_to_xyz(self._spec_of_d(dens)))
                e += sum((u - v) ** 2 for u, v in zip(lab, self.aims["lab"][p]))
            return e

        lo, hi = 0.4, 1.2
        phi = (math.sqrt(5.0) - 1.0) / 2.0
        for _ in range(60):
            a = hi - phi * (hi - lo)
            b = lo + phi * (hi - lo)
            if err(a) < err(b):
                hi = b
            else:
                lo = a
        return (lo + hi) / 2.0

    def _primaries(self):
        dspec = {k: density_spectrum(v) for k, v in self.aim_d.items()}
        rules = {}
        if "CMY" not in dspec:
            # Print order C, M, Y: yellow traps onto the published C+M overprint.
            dspec["CMY"] = self._stack_d(dspec["CM"], dspec["Y"])
            rules["CMY"] = "cmy: CM aim + trapped Y"
        prim = {}
        for bits in itertools.product((0, 1), repeat=4):
            name = combo_name(bits)
            if name == "W":
                prim[bits] = self.paper
                rules[name] = "aim"
            elif name in dspec and name in self.aim_d or name == "CMY":
                prim[bits] = self._spec_of_d(dspec[name])
                rules.setdefault(name, "aim")
            else:
                # Contains K and is not published: K is printed first, the chromatic
                # part (published or derived) traps onto it.
                chrom = combo_name(bits[:3] + (0,))
                prim[bits] = self._spec_of_d(self._stack_d(dspec["K"], dspec[chrom]))
                rules[name] = "k-overprint"
        self.rules = rules
        return prim

    # --- tone value increase ---------------------------------------------------------
    def _density_channel(self, ink):
        # ISO 12647-2 measures TVI on the density behind the ink's complementary filter
        # (ISO 5-3 status E). The XYZ channel in which the solid is densest is the nearest
        # stand-in: X for cyan, Y for magenta and black, Z for yellow.
        solid = self.aim_xyz[ink]
        dens = [math.log10(w / s) for w, s in zip(self.white, solid)]
        return max(range(3), key=lambda c: dens[c])

    def tvi(self, ink, a):
        # Parabola through 0, the 50 % aim and 100 %, optionally skewed (tvi_skew > 0 moves
        # the maximum towards the shadows), the shape of the ISO 12647-2 TVI curves.
        return self.tvi50[ink] * 4.0 * a * (1.0 - a) * (1.0 + self.skew * (2.0 * a - 1.0))

    def _single_ink_channel(self, ink, e):
        bits = tuple(1 if i == ink else 0 for i in INKS)
        return self._yn_mix({bits: e, (0, 0, 0, 0): 1.0 - e})

    def _build_area_lut(self, ink):
        # Table effective area -> Murray-Davies apparent area of the single-ink tint, in the
        # ink's density channel, then inverted by interpolation.
        c = self.dens_channel[ink]
        rw = self.white[c]
        rs = self.aim_xyz[ink][c]
        es = [i / 400.0 for i in range(401)]
        mds = [(rw - spec_to_xyz(self._single_ink_channel(ink, e))[c]) / (rw - rs) for e in es]
        return es, mds

    def effective_area(self, ink, a):
        if a <= 0.0:
            return 0.0
        if a >= 1.0:
            return 1.0
        a_md = min(max(a + self.tvi(ink, a), 0.0), 1.0)
        es, mds = self._area_lut[ink]
        lo, hi = 0, len(mds) - 1
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if mds[mid] < a_md:
                lo = mid
            else:
                hi = mid
        t = (a_md - mds[lo]) / (mds[hi] - mds[lo])
        return es[lo] + t * (es[hi] - es[lo])

    # --- forward model ---------------------------------------------------------------
    def _yn_mix(self, weights):
        # Yule-Nielsen modified spectral Neugebauer: R = (sum w_i R_i^(1/n))^n per wavelength.
        inv = 1.0 / self.n
        acc = [0.0] * len(WAVELENGTHS)
        for bits, w in weights.items():
            if w == 0.0:
                continue
            p = self.primaries[bits]
            for i in range(len(acc)):
                acc[i] += w * p[i] ** inv
        return tuple(v ** self.n for v in acc)

    def predict_xyz(self, cmyk):
        eff = [self.effective_area(ink, v / 100.0) for ink, v in zip(INKS, cmyk)]
        weights = {}
        for bits in self.primaries:
            w = 1.0
            for on, e in zip(bits, eff):
                w *= e if on else (1.0 - e)
            weights[bits] = w
        return spec_to_xyz(self._yn_mix(weights))


def patch_set(tac):
    """CMYK patches (percent). The full grid is kept, also above the TAC: colprof builds
    the device-to-PCS table over the whole CMYK cube and enforces the ink limit itself
    (-l) when it builds the separation tables, so leaving patches out would only make
    it extrapolate near the limit."""
    seen = set()
    out = []

    def add(p):
        if p not in seen:
            seen.add(p)
            out.append(p)

    for k in GRID:
        for c in GRID:
            for m in GRID:
                for y in GRID:
                    add((c, m, y, k))
    for v in RAMP:
        for i in range(4):
            p = [0, 0, 0, 0]
            p[i] = v
            add(tuple(p))
        add((v, v, v, 0))
        add((v, v, v, v))
    del tac  # the limit is recorded in the .ti3 header, see write_ti3
    return out


def write_ti3(model, path):
    aims = model.aims
    patches = patch_set(aims["tac"])
    lines = [
        "CTI3",
        "",
        'DESCRIPTOR "Argyll Calibration Target chart information 3"',
        'ORIGINATOR "Platen icc-profiles/tools/printmodel.py"',
        'KEYWORD "PLATEN_CONDITION"',
        'PLATEN_CONDITION "%s"' % aims["name"],
        'KEYWORD "PLATEN_MODEL"',
        'PLATEN_MODEL "YNSN n=%.3f floor=%.4f gamma=%.4f tvi_skew=%.3f"'
        % (model.n, model.floor, model.gamma, model.skew),
        'KEYWORD "ILLUMINANT_OBSERVER"',
        'ILLUMINANT_OBSERVER "D50 2 deg, 45/0, white backing (ISO 13655)"',
        'KEYWORD "DEVICE_CLASS"',
        'DEVICE_CLASS "OUTPUT"',
        'KEYWORD "TOTAL_INK_LIMIT"',
        'TOTAL_INK_LIMIT "%.1f"' % float(aims["tac"]),
        'KEYWORD "COLOR_REP"',
        'COLOR_REP "CMYK_XYZ"',
        "",
        "NUMBER_OF_FIELDS 11",
        "BEGIN_DATA_FORMAT",
        "SAMPLE_ID CMYK_C CMYK_M CMYK_Y CMYK_K XYZ_X XYZ_Y XYZ_Z LAB_L LAB_A LAB_B",
        "END_DATA_FORMAT",
        "",
        "NUMBER_OF_SETS %d" % len(patches),
        "BEGIN_DATA",
    ]
    for i, p in enumerate(patches, 1):
        xyz = model.predict_xyz(p)
        lab = xyz_to_lab(xyz)
        lines.append(
            "%d %.2f %.2f %.2f %.2f %.4f %.4f %.4f %.4f %.4f %.4f"
            % ((i,) + tuple(float(v) for v in p) + xyz + lab)
        )
    lines.append("END_DATA")
    with open(path, "w", encoding="ascii", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")
    return len(patches)


def parse_overrides(args):
    out = {}
    rest = []
    it = iter(args)
    for a in it:
        if a == "--set":
            key, _, val = next(it).partition("=")
            out[key] = float(val)
        else:
            rest.append(a)
    return rest, out


def main(argv):
    args, overrides = parse_overrides(argv[1:])
    if len(args) < 2:
        sys.stderr.write(__doc__)
        return 2
    cmd, aims_path = args[0], args[1]
    with open(aims_path, encoding="utf-8") as fh:
        aims = json.load(fh)
    model = PrintModel(aims, overrides)
    if cmd == "ti3" and len(args) == 3:
        n = write_ti3(model, args[2])
        print("%s: %d patches, n=%.3f floor=%.4f gamma=%.4f" % (args[2], n, model.n, model.floor, model.gamma))
    elif cmd == "predict" and len(args) == 6:
        xyz = model.predict_xyz(tuple(float(v) for v in args[2:6]))
        print("XYZ %.4f %.4f %.4f  Lab %.2f %.2f %.2f" % (xyz + xyz_to_lab(xyz)))
    elif cmd == "primaries":
        print("gamma %.4f" % model.gamma)
        for bits, p in sorted(model.primaries.items()):
            name = combo_name(bits)
            lab = xyz_to_lab(spec_to_xyz(p))
            print("%-5s %-24s Lab %7.2f %7.2f %7.2f" % ((name, model.rules[name]) + lab))
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
