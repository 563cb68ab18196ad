"""The full-text index of items: database DDL rather than an ORM table.

Migrations catalog_0003 and 0007 create it over `information_item.search_text`: on PostgreSQL a
stored generated column `search_vector` (to_tsvector('simple', search_text)) with a GIN index;
on SQLite an FTS5 table `item_search` (plus the shadow tables FTS5 keeps beside it) that
triggers fill. Neither can be declared on the
models for both databases at once, so autogenerate is told here that they are expected: without
this it would propose dropping them, and the models-versus-migrations check would fail.
"""

from __future__ import annotations

from alembic.autogenerate.api import AutogenContext
from alembic.autogenerate.compare import comparators
from alembic.operations import ops
from alembic.util import DispatchPriority, PriorityDispatchResult

FTS_TABLE = "item_search"
PG_INDEX = "ix_information_item_search_vector"
PG_VECTOR = "search_vector"


def _is_search_index(op: ops.MigrateOperation) -> bool:
    if isinstance(op, ops.DropTableOp):
        return op.table_name == FTS_TABLE or op.table_name.startswith(f"{FTS_TABLE}_")
    if isinstance(op, ops.DropIndexOp):
        return op.index_name == PG_INDEX
    if isinstance(op, ops.DropColumnOp):
        return op.table_name == "information_item" and op.column_name == PG_VECTOR
    return False


@comparators.dispatch_for("schema", priority=DispatchPriority.LAST)
def _expect_search_index(
    autogen_context: AutogenContext, upgrade_ops: ops.UpgradeOps, schemas: set[str | None]
) -> PriorityDispatchResult:
    kept: list[ops.MigrateOperation] = []
    for op in upgrade_ops.ops:
        if isinstance(op, ops.ModifyTableOps):
            op.ops = [o for o in op.ops if not _is_search_index(o)]
            if not op.ops:
                continue
        elif _is_search_index(op):
            continue
        kept.append(op)
    upgrade_ops.ops = kept
    return PriorityDispatchResult.CONTINUE
