"""The day a consulted party received the letter, and its answer's due date for every kind.

A consultation pauses the reply clock for at most the consulted party's 15 working days from its
receipt of the letter (条例第三十二条 for a third party, 第三十四条 for another agency), so
each consultation records that day; for the ones already recorded it is the day the letter was
sent, as the form assumes when it is left empty. Agencies' consultations had no answer due
date; it is filled on the built-in calendar, and the service keeps it on the loaded one.

Revision ID: applications_0005
Revises: applications_0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sunshine_applications.applications.clock import consulted_answer_due
from sunshine_kit.calendar.days import WorkingDayCalendar

revision = "applications_0005"
down_revision = "applications_0004"
branch_labels = None
depends_on = None

opinion = sa.table(
    "opinion_request",
    sa.column("id", sa.Integer()),
    sa.column("asked_on", sa.Date()),
    sa.column("letter_received_on", sa.Date()),
    sa.column("answer_due_on", sa.Date()),
)


def upgrade() -> None:
    op.add_column(
        "opinion_request",
        sa.Column("letter_received_on", sa.Date(), nullable=True, comment="对方收到征求意见函日期"),
    )
    connection = op.get_bind()
    calendar = WorkingDayCalendar()
    for row in connection.execute(sa.select(opinion.c.id, opinion.c.asked_on)).all():
        due, _ = consulted_answer_due(calendar, row.asked_on)
        connection.execute(
            opinion.update()
            .where(opinion.c.id == row.id)
            .values(letter_received_on=row.asked_on, answer_due_on=due)
        )
    with op.batch_alter_table("opinion_request") as batch:
        batch.alter_column("letter_received_on", existing_type=sa.Date(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("opinion_request") as batch:
        batch.drop_column("letter_received_on")
