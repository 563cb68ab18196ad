"""Who may call each of the reporting service's operations (checked by test_authorization.py).

Reporting reads the other services' figures of a unit (here the catalog is unreachable: an
admitted caller is answered 503, which is still not a refusal); the rest is what every
component has.
"""

from __future__ import annotations

from sunshine_kit.access_matrix import (
    Access,
    Scope,
    service_table,
)
from sunshine_kit.roles import Can

TABLE = service_table(
    {
        # 概览: a unit's figures, for its staff and those above it.
        "overview-unit_overview": Access(Can.WORK_IN_CONSOLE, Scope.UNIT),
    },
)
