"""What the Word and OpenDocument writers share: a zip package with reproducible bytes."""
from __future__ import annotations

import zipfile
from io import BytesIO

ZIP_TIME = (1980, 1, 1, 0, 0, 0)   # fixed timestamps: the same worksheet gives the same bytes
STORED, DEFLATED = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED


def zip_package(entries: list[tuple[str, str, int]]) -> bytes:
    """A zip of (name, XML text, compression) entries, in the order given."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, text, method in entries:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.external_attr = 0o644 << 16   # rw-r--r-- if someone unzips it
            info.compress_type = method
            package.writestr(info, text.encode("utf-8"))
    return out.getvalue()
