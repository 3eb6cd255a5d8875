#!/usr/bin/env bash
# Rebuilds Platen's default CMYK output profiles from the aims:
#   aims/<condition>.json --tools/printmodel.py--> ti3/<condition>.ti3 --colprof--> platen-<condition>-v1.icc
# Needs python3 (standard library only) and ArgyllCMS (Debian package "argyll") on PATH.
# The Java build never runs this; the .icc files are committed.
#
# Usage: ./build-profiles.sh [condition ...]     (default: all four)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

for tool in python3 colprof profcheck; do
    command -v "$tool" >/dev/null || { echo "build-profiles.sh: $tool not found (ArgyllCMS: apt-get install argyll)" >&2; exit 1; }
done

version=v1
# Header creation date written into every profile, so that a rebuild from the same aims is
# byte-identical (colprof itself stamps the current time). Bump together with the version.
build_epoch="${SOURCE_DATE_EPOCH:-1767225600}"  # 2026-01-01T00:00:00Z
copyright="Platen project. Built from published characterization aims (see icc-profiles/README.md); free to use, no warranty."

# Per condition: colprof ink limits and black generation (reasons in README.md, "colprof settings").
#   -l  total area coverage (TAC) from the aims, enforced by colprof in the separation (B2A) tables
#   -L  black ink limit
#   -k  black generation: -kp <K at white> <start> <end> <K at black> <shape>
colprof_args() {
    case "$1" in
        coated)          echo "-l330 -L100 -kp 0 0.1 0.9 1.0 0.65" ;;
        uncoated)        echo "-l300 -L100 -kp 0 0.1 0.9 1.0 0.65" ;;
        dtg-cotton)      echo "-l280 -L100 -kp 0 0.0 0.85 1.0 0.8" ;;
        sublimation-mug) echo "-l300 -L95 -kp 0 0.2 0.9 0.9 0.6" ;;
        *) echo "unknown condition $1" >&2; return 1 ;;
    esac
}

description() {
    case "$1" in
        coated)          echo "Platen coated (ISO 12647-2 PT1/PS1-like) $version" ;;
        uncoated)        echo "Platen uncoated (ISO 12647-2 PT4/PS5-like) $version" ;;
        dtg-cotton)      echo "Platen DTG white cotton (estimate) $version" ;;
        sublimation-mug) echo "Platen sublimation ceramic mug (estimate) $version" ;;
    esac
}

conditions=("$@")
[ ${#conditions[@]} -gt 0 ] || conditions=(coated uncoated dtg-cotton sublimation-mug)

mkdir -p ti3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for cond in "${conditions[@]}"; do
    args="$(colprof_args "$cond")"
    python3 tools/printmodel.py ti3 "aims/$cond.json" "ti3/$cond.ti3"
    # colprof reads <base>.ti3 and writes next to it; run it on a scratch copy so only the
    # .icc comes back. -qm: medium quality (33^4 A2B grid is unnecessary for smooth model
    # data and would blow up the size). -nc: do not embed the .ti3 (it is committed anyway).
    cp "ti3/$cond.ti3" "$work/$cond.ti3"
    # shellcheck disable=SC2086  # args is a list of colprof flags
    colprof -qm -nc $args \
        -A "Platen" -M "$cond" \
        -D "$(description "$cond")" \
        -C "$copyright" \
        -O "$work/platen-$cond-$version.icc" \
        "$work/$cond" >"$work/$cond.log"
    python3 tools/icc_fixdate.py "$work/platen-$cond-$version.icc" "$build_epoch"
    cp "$work/platen-$cond-$version.icc" "platen-$cond-$version.icc"
    # How well the profile's A2B table reproduces the model data it was built from.
    fit="$(profcheck -k "ti3/$cond.ti3" "platen-$cond-$version.icc" 2>&1 | tail -1)"
    echo "platen-$cond-$version.icc: colprof -qm -nc $args; self-check ${fit#*errors}"
done
