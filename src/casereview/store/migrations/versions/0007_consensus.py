"""who agreed a consensus code (independent coding by several coders)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("codes") as batch:
        batch.add_column(sa.Column("agreed_by", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("codes") as batch:
        batch.drop_column("agreed_by")
