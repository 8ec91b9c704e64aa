"""Files the build keeps between runs (preview images, QR codes, reading grades), written so that
two builds side by side (test workers sharing one cache) never read half a file.

Every cached file is named or keyed by a hash of what it holds, so a shared cache can only ever
give the right answer or none.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and one rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


CACHE_VARIABLE = "RUNNERS_HIP_CACHE"


def cache_folder(docs_dir: Path) -> Path:
    """Where builds keep what is slow to redo: `.cache` beside the docs folder, or the folder named
    in RUNNERS_HIP_CACHE (the tests share one between their many small builds)."""
    return Path(os.environ.get(CACHE_VARIABLE) or docs_dir.resolve().parent / ".cache")
