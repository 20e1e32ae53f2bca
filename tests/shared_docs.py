"""Where the public documents live: ../shared beside the repository (CI always has it).

Importable from any test module (``from shared_docs import shared_path``): pytest puts
``tests/`` on sys.path (pyproject ``pythonpath``), and the name does not collide with the
several ``conftest`` modules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file under ../shared; skips the test with a clear reason when ../shared is absent."""
    path = SHARED.joinpath(*parts)
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): the public seed documents are not here")
    if not path.exists():
        raise FileNotFoundError(path)
    return path
