"""Room on each page of `hall_case` for the sweep's updates, and one index fewer.

The supervision sweep sets `warning` and `updated_at` on the cases whose promised date comes
near or passes: 24,000 rows at once on the first sweep over 100,000 open cases
(bench/hall_supervision.py). Neither column is indexed, nor in the open-case index's predicate,
so each update can stay on its page (a heap-only tuple, which writes no index entry) when the
page has room; with the default fillfactor of 100 the pages are full and every updated row
moved to another page with a new entry in each of the table's dozen indexes. A fillfactor of
80 keeps a fifth of each page free for them. It applies to the pages written from now on: an
existing table gets it for its older rows only when rewritten (`VACUUM FULL hall_case`, which
locks the table: in a quiet hour).

`ix_hall_case_unit_id` goes: `ix_hall_case_unit_completed` (unit_id, completed_on) begins with
the same column and serves every query by unit.

Revision ID: hall_0006
Revises: hall_0002
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "hall_0006"
down_revision = "hall_0002"
branch_labels = None
depends_on = None

FILLFACTOR = 80


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE hall_case SET (fillfactor = {FILLFACTOR})")
    op.drop_index(op.f("ix_hall_case_unit_id"), table_name="hall_case")


def downgrade() -> None:
    op.create_index(op.f("ix_hall_case_unit_id"), "hall_case", ["unit_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE hall_case RESET (fillfactor)")
