#!/usr/bin/env bash
# Sanity and accuracy checks for the built profiles. Not part of the build.
#  1. Each profile loads in LittleCMS and maps sRGB white/black/primaries to CMYK.
#  2. If measured reference characterizations are available (default ../../shared/icc-reference,
#     override with ICC_REFERENCE_DIR), ArgyllCMS profcheck -k reports CIEDE2000 of the
#     profile's A2B table against them. The reference files are only read, never copied.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
ref="${ICC_REFERENCE_DIR:-$here/../../shared/icc-reference}"

for p in platen-*-v1.icc; do
    echo "== $p"
    if command -v transicc >/dev/null; then
        for rgb in "255 255 255" "0 0 0" "255 0 0" "0 255 0" "0 0 255"; do
            # -t1 relative colorimetric; -n: no prompt/echo of the input.
            out="$(printf '%s\n' "$rgb" | transicc -t1 -n -i '*sRGB' -o "$p" 2>/dev/null | tr -s ' \n' ' ')"
            echo "  sRGB $rgb -> CMYK $out"
        done
        out="$(printf '0 0 0 0\n' | transicc -t3 -n -i "$p" -o '*Lab' 2>/dev/null | tr -s ' \n' ' ')"
        echo "  CMYK 0 0 0 0 (absolute) -> Lab $out"
    fi
done

check() {  # profile reference.ti3
    if [ -f "$ref/$2" ]; then
        printf '%-30s vs %-26s %s\n' "$1" "$2" "$(profcheck -k "$ref/$2" "$1" 2>&1 | tail -1)"
    fi
}
if [ -d "$ref" ]; then
    check platen-coated-v1.icc FOGRA39L_coated.ti3
    check platen-uncoated-v1.icc FOGRA47L_uncoated.ti3
    check platen-uncoated-v1.icc FOGRA29L_uncoated.ti3
    check platen-sublimation-mug-v1.icc FOGRA39L_coated.ti3
    check platen-dtg-cotton-v1.icc FOGRA47L_uncoated.ti3
else
    echo "no reference characterizations in $ref; accuracy check skipped"
fi
