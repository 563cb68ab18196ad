"""Who may call each of the hall service's operations (checked by test_authorization.py).

The hall has only what every service has yet (`access_matrix.EVERY_SERVICE`).
"""

from __future__ import annotations

from sunshine_kit.access_matrix import service_table

TABLE = service_table({})
