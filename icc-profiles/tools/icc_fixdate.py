#!/usr/bin/env python3
"""Sets the creation dateTime of an ICC profile header (bytes 24-35) to a fixed UTC time.

colprof output is otherwise byte-identical from run to run; the header date is the only
difference. Pinning it makes the committed profiles reproducible byte for byte. Only for
ICC v2 profiles: v4 headers carry an MD5 profile ID over the header that would then be
stale, so those are refused.

Usage: icc_fixdate.py PROFILE.icc [EPOCH_SECONDS]   (default: $SOURCE_DATE_EPOCH or 0 -> error)
"""
import datetime
import os
import struct
import sys


def main(argv):
    if len(argv) not in (2, 3):
        sys.stderr.write(__doc__)
        return 2
    epoch = argv[2] if len(argv) == 3 else os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        sys.stderr.write("icc_fixdate.py: no epoch given and SOURCE_DATE_EPOCH unset\n")
        return 2
    t = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
    with open(argv[1], "r+b") as fh:
        head = bytearray(fh.read(128))
        if head[36:40] != b"acsp" or head[8] != 2:
            sys.stderr.write("icc_fixdate.py: %s is not an ICC v2 profile\n" % argv[1])
            return 1
        head[24:36] = struct.pack(">6H", t.year, t.month, t.day, t.hour, t.minute, t.second)
        fh.seek(0)
        fh.write(head)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
