"""Public loading API (see docs/architecture.md): re-exports ``loading``."""
from .loading import (  # noqa: F401
    load_bundled,
    load_case_file,
    load_map_file,
    load_pathway_file,
    load_workspace,
    reference_problems,
)
